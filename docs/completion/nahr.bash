# bash completion for nahr(1): commands, their options, pipeline configs
# (*.toml), kinds, log levels and the names of the plugins `nahr plugins`
# finds. Installed as share/bash-completion/completions/nahr; needs nothing
# from the bash-completion package.

# Plugin names from `nahr plugins`, whose plugin lines read "NAME VERSION  FILE"
# (the search path and the stages are indented; refused files end in ':').
_nahr_plugin_names() { # $1: nahr, then --plugin-dir options
  "$1" plugins "${@:2}" 2>/dev/null |
    awk '/^[^ ]/ && NF >= 3 && $1 != "Search" && $1 !~ /:$/ { print $1 }'
}

_nahr_files() { # $1: a glob the files must match, or nothing for any file
  local IFS=$'\n'
  compopt -o filenames 2>/dev/null
  if [[ -n ${1-} ]]; then
    COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X "!$1" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}

_nahr_dirs() {
  local IFS=$'\n'
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen -d -- "$cur"))
}

_nahr() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local -a nahr=("${COMP_WORDS[0]}")
  local command="" i
  COMPREPLY=()

  # The command is the first word that is not a global option.
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --log-level | --log-format) ((i++)) ;;
      -*) ;;
      *)
        command=${COMP_WORDS[i]}
        break
        ;;
    esac
  done

  case $prev in
    --log-level)
      COMPREPLY=($(compgen -W "trace debug info warn error off" -- "$cur"))
      return
      ;;
    --log-format)
      COMPREPLY=($(compgen -W "text json" -- "$cur"))
      return
      ;;
  esac
  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "--log-level --log-format --version --help -h" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "run check test plugins describe new-plugin replay plugin merge submit" -- "$cur"))
    fi
    return
  fi

  # Plugin folders already on the line count for plugin names.
  for ((i++; i < COMP_CWORD; i++)); do
    if [[ ${COMP_WORDS[i]} == --plugin-dir ]] && ((i + 1 < COMP_CWORD)); then
      nahr+=(--plugin-dir "${COMP_WORDS[i + 1]}")
    fi
  done

  local options
  case $command in
    run | check | replay | merge | submit)
      case $prev in
        --shard)
          COMPREPLY=($(compgen -W "auto" -- "$cur"))
          return
          ;;
        --engine)
          COMPREPLY=($(compgen -W "slurm" -- "$cur"))
          return
          ;;
        --nahr) _nahr_files && return ;;
        -i | --input) _nahr_files && return ;;
        -o | --output | --quarantine) _nahr_files && return ;;
        --report) _nahr_dirs && return ;;
        -j | --threads)
          COMPREPLY=($(compgen -W "0 1 2 4 8 16" -- "$cur"))
          return
          ;;
        --set)
          # STAGE.KEY=VALUE: offer the stages' plugin names as STAGE.
          compopt -o nospace 2>/dev/null
          COMPREPLY=($(compgen -S . -W "pipeline $(_nahr_plugin_names "${nahr[@]}")" -- "$cur"))
          return
          ;;
      esac
      options="--set --output --threads --help -o -j -h"
      [[ $command != replay ]] && options+=" --input -i"
      [[ $command == run || $command == replay ]] && options+=" --report --stats --quiet -q"
      [[ $command == run ]] && options+=" --resume --shard"
      [[ $command == merge ]] && options+=" --shards --remove-parts"
      [[ $command == submit ]] && options+=" --engine --shards --max-parallel --partition --time
        --account --mem --cpus-per-task --sbatch --nahr --wait --retries --poll --retry-failed
        --dry-run"
      [[ $command == replay ]] && options+=" --quarantine"
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
      elif [[ $command == replay && $prev == replay ]]; then
        _nahr_files '*.jsonl*'  # the quarantine, then the config
      else
        _nahr_files '*.toml'
      fi
      ;;
    test)
      if [[ $prev == --set ]]; then
        compopt -o nospace 2>/dev/null
        COMPREPLY=($(compgen -S . -W "pipeline $(_nahr_plugin_names "${nahr[@]}")" -- "$cur"))
      elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--set --help -h" -- "$cur"))
      else
        _nahr_files '*.toml'
      fi
      ;;
    plugin)
      # nahr plugin verify FILE.so [--timeout SECONDS]
      if [[ $prev == plugin ]]; then
        COMPREPLY=($(compgen -W "verify" -- "$cur"))
      elif [[ $prev == --timeout ]]; then
        COMPREPLY=($(compgen -W "10 60 300" -- "$cur"))
      elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--timeout --help -h" -- "$cur"))
      else
        _nahr_files '*.so'
      fi
      ;;
    plugins | describe)
      if [[ $prev == --plugin-dir ]]; then
        _nahr_dirs
        return
      fi
      options="--plugin-dir --help -h"
      [[ $command == plugins ]] && options+=" --json"
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
      elif [[ $command == describe ]]; then
        COMPREPLY=($(compgen -W "$(_nahr_plugin_names "${nahr[@]}")" -- "$cur"))
      fi
      ;;
    new-plugin)
      case $prev in
        -k | --kind)
          COMPREPLY=($(compgen -W "reader normaliser extractor writer" -- "$cur"))
          return
          ;;
        -d | --dir)
          _nahr_dirs
          return
          ;;
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--kind --dir --help -k -d -h" -- "$cur"))
      fi
      ;;
  esac
}

complete -F _nahr nahr
