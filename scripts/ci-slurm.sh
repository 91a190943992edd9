#!/usr/bin/env bash
# Sharded runs on a real Slurm: installs Slurm from Debian, starts a
# one-node cluster on 127.0.0.1 (as root, without systemd), and runs the
# afp-arabic pipeline over a slice of the shared corpus as a 4-task array
# job with `nahr submit --wait`. Shard 2 is made to fail once (a wrapper
# exits before nahr starts, as a lost node would); the first submission must
# name it, `--retry-failed` must resubmit it alone, and the merged output
# must equal a single-machine run byte for byte.
#
#   bash scripts/ci-slurm.sh            (after the build; called by .ci/run)
#
# Environment: NAHR (the binary, default build/bin/nahr), NAHR_SHARED_DIR
# (default ../shared), SLURM_CI_LINES (corpus lines, default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
nahr=$(realpath "${NAHR:-build/bin/nahr}")
shared=$(realpath "${NAHR_SHARED_DIR:-../shared}")
lines=${SLURM_CI_LINES:-300}
started=$SECONDS

say() { echo "ci-slurm: $*"; }
fail() { say "FAILED: $*"; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
  say "skipped: starting slurmctld, slurmd and munged here needs root"
  exit 0
fi

# --- Slurm from Debian ------------------------------------------------------
packages=(slurmctld slurmd slurm-client munge)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- a one-node cluster, its config and state in a temporary directory --------
work=$(mktemp -d /tmp/nahr-slurm.XXXXXX)
export SLURM_CONF=$work/slurm.conf
started_munged=""
cleanup() {
  scontrol shutdown >/dev/null 2>&1 || true
  # slurmd and slurmctld leave once told; give them a moment before the files go.
  for _ in $(seq 50); do pgrep -f "$work" >/dev/null || break; sleep 0.1; done
  if [[ -n $started_munged ]]; then munged --stop >/dev/null 2>&1 || true; fi
  if [[ ${KEEP_SLURM_CI:-} == 1 ]]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ ! -s /etc/munge/munge.key ]]; then
  mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null \
    || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
fi
install -d -o munge -g munge /run/munge
if ! munge -n >/dev/null 2>&1; then
  runuser -u munge -- munged
  started_munged=1
fi

# The node as slurmd sees it (CPUs, sockets, memory), under the name and
# address the cluster uses.
node=$(slurmd -C | head -n 1 | sed -E 's/^NodeName=[^ ]+/NodeName=localhost NodeAddr=127.0.0.1/')
mkdir -p "$work/state" "$work/spool"
cat >"$SLURM_CONF" <<EOF
ClusterName=nahr-ci
SlurmctldHost=localhost(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
ReturnToService=2
$node State=UNKNOWN
PartitionName=ci Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld
slurmd -N localhost
for _ in $(seq 120); do
  state=$(sinfo -h -N -o %T 2>/dev/null | head -n 1 || true)
  [[ $state == idle ]] && break
  sleep 0.5
done
[[ ${state:-} == idle ]] || { cat "$work"/slurm*.log >&2; fail "the node did not come up (state: ${state:-none})"; }
say "one-node cluster up ($node) after $((SECONDS - started)) s"

# --- the pipeline, once on this machine and once as a Slurm array -------------
head -n "$lines" "$shared/corpus/corpus-small.jsonl" >"$work/slice.jsonl"
config=$repo/configs/afp-arabic.toml
"$nahr" run "$config" --input "$work/slice.jsonl" --output "$work/single/afp.jsonl" --quiet

# Shard 2 fails the first time, before nahr even starts.
cat >"$work/flaky-nahr" <<EOF
#!/bin/sh
if [ "\$SLURM_ARRAY_TASK_ID" = 2 ] && [ ! -e "$work/failed-once" ]; then
  touch "$work/failed-once"
  echo "ci-slurm: shard 2 made to fail once" >&2
  exit 3
fi
exec "$nahr" "\$@"
EOF
chmod +x "$work/flaky-nahr"

submit=("$nahr" submit "$config" --input "$work/slice.jsonl" --output "$work/out/afp.jsonl"
        --shards 4 --partition ci --time 5:00 --poll 0.3 --nahr "$work/flaky-nahr" --wait)
set +e
"${submit[@]}" 2>"$work/first.log"
code=$?
set -e
cat "$work/first.log"
[[ $code -eq 3 ]] || fail "the first submission should report a failed shard (exit 3), got $code"
grep -q "shard 2 of job [0-9]* failed" "$work/first.log" || fail "shard 2 was not named"
grep -q "shards 0-3 of 4" "$work/first.log" || fail "the first submission was not the whole array"

"${submit[@]}" --retry-failed 2>"$work/retry.log" || { cat "$work/retry.log"; fail "the retry failed"; }
cat "$work/retry.log"
grep -q "submitted Slurm job [0-9]*: shard 2 of 4" "$work/retry.log" || fail "the retry did not submit shard 2 alone"

cmp "$work/single/afp.jsonl" "$work/out/afp.jsonl" || fail "merged output differs from the single run"
grep -q "shard 2 made to fail once" "$work/out/afp.jsonl.logs/shard-2.log" || fail "shard 2's log lost its first attempt"
say "OK: $(wc -l <"$work/out/afp.jsonl") documents, 4 shards on Slurm, shard 2 retried alone," \
    "merged output identical to the single run ($((SECONDS - started)) s)"
