#!/usr/bin/env python3
"""Scores nahr's extractors: precision, recall and F1 with exact span match.

Against the hand-annotated gold stories in this folder:

    python3 tests/gold/score.py --gold tests/gold --predicted out/gold.jsonl \
        [--min-scores tests/gold/min_scores.json] [--markdown]

Against UD Arabic-PUD (sentence boundaries and tokens; the input for that run
comes from make_ud_input.py):

    python3 tests/gold/score.py --ud ../shared/eval/ud-pud/ar_pud-ud-test.conllu \
        --predicted-ud out/ud.jsonl [--markdown]

Both modes can run in one call. Predictions are nahr write-jsonl output: one
JSON document per line with "id", "annotations" (each with "type", "begin",
"end", "original_begin", "original_end", "attributes") and "offsets" (the unit
of every offset: "codepoints", "bytes" or "utf16"). Spans are taken from the
ORIGINAL offsets, i.e. positions in the text as read, so normalisation in the
pipeline does not move them. Python 3 standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable, Iterable

# ---------------------------------------------------------------------------
# Spans and text folding

@dataclass(frozen=True)
class Span:
    begin: int  # code points into the story text as read
    end: int
    attributes: dict = field(default_factory=dict, compare=False, hash=False)


class ScoreError(Exception):
    """Input that cannot be scored (bad offsets, gold string not found...)."""


_TASHKEEL = re.compile('[\u064b-\u065f\u0670\u0640]')
_FOLD = str.maketrans({
    'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي',
    '\u066b': '.', '\u066c': ',',
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06f0 + d): str(d) for d in range(10)},
})


def fold(text: str) -> str:
    """What attribute texts (place, agency, dateline date, speaker) are compared
    by: extractors report them from the normalised text, the gold has them as
    written, so both sides lose the differences normalisers introduce."""
    text = unicodedata.normalize('NFKC', text)
    text = _TASHKEEL.sub('', text).translate(_FOLD)
    return ' '.join(text.split())


def same_number(gold: str, predicted: str) -> bool:
    try:
        return Decimal(gold) == Decimal(predicted)
    except InvalidOperation:
        return gold == predicted


# ---------------------------------------------------------------------------
# Offsets

def offset_map(text: str, unit: str) -> dict[int, int]:
    """Offset in `unit` -> code point index, for every character boundary."""
    if unit == 'codepoints':
        return {i: i for i in range(len(text) + 1)}
    if unit == 'bytes':
        width = lambda c: len(c.encode('utf-8'))
    elif unit == 'utf16':
        width = lambda c: 2 if ord(c) > 0xFFFF else 1
    else:
        raise ScoreError(f'unknown offset unit {unit!r} (expected codepoints, bytes or utf16)')
    table, position = {0: 0}, 0
    for index, char in enumerate(text):
        position += width(char)
        table[position] = index + 1
    return table


def same_text(read: str | None, text: str) -> bool:
    """A reader may drop the story's final newline (read-jsonl input)."""
    return read is not None and (read == text or read == text.rstrip('\n'))


def predicted_spans(doc: dict, text: str) -> dict[str, list[Span]]:
    """The annotations of one predicted document, by type, as code point spans
    of `text` (the text as read)."""
    unit = doc.get('offsets')
    if unit is None:
        raise ScoreError(f'document {doc.get("id")!r} has no "offsets" unit')
    table = offset_map(text, unit)
    original = doc.get('original_text')
    if original is not None and not same_text(original, text):
        raise ScoreError(f'document {doc.get("id")!r}: its original_text is not the text scored')
    current_is_original = same_text(doc.get('text'), text)
    by_type: dict[str, list[Span]] = {}
    for a in doc.get('annotations', []):
        if 'original_begin' in a:
            begin, end = a['original_begin'], a['original_end']
        elif current_is_original:  # nothing rewrote the text: current offsets are original
            begin, end = a['begin'], a['end']
        else:
            raise ScoreError(f'document {doc.get("id")!r}: annotation without original offsets '
                             '(run write-jsonl with original_offsets = true)')
        try:
            span = Span(table[begin], table[end], a.get('attributes', {}))
        except KeyError:
            raise ScoreError(f'document {doc.get("id")!r}: {a.get("type")} offsets '
                             f'[{begin}, {end}) ({unit}) are not character boundaries of the text')
        by_type.setdefault(a.get('type', ''), []).append(span)
    return by_type


def read_predictions(path: Path) -> dict[str, dict]:
    docs = {}
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as e:
                raise ScoreError(f'{path}:{number}: not JSON ({e})')
            docs[str(doc.get('id'))] = doc
    return docs


# ---------------------------------------------------------------------------
# Counting

@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    def add(self, other: 'Counts') -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct

    @property
    def precision(self) -> float:
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.correct / self.predicted

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.correct / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


Agrees = Callable[[Span, Span], bool]  # (gold, predicted) -> does the prediction count


def match(gold: list[Span], predicted: list[Span], agrees: Agrees) -> Counts:
    """Exact span match, one to one; a predicted span that lands on a gold span
    but disagrees on the attributes that row checks counts as wrong."""
    open_gold: dict[tuple[int, int], list[Span]] = {}
    for g in gold:
        open_gold.setdefault((g.begin, g.end), []).append(g)
    correct = 0
    for p in predicted:
        candidates = open_gold.get((p.begin, p.end), [])
        for i, g in enumerate(candidates):
            if agrees(g, p):
                del candidates[i]
                correct += 1
                break
    return Counts(len(gold), len(predicted), correct)


def attribute(span: Span, key: str) -> str:
    return str(span.attributes.get(key, ''))


def any_attributes(gold: Span, predicted: Span) -> bool:
    return True


def same_dateline(gold: Span, predicted: Span) -> bool:
    keys = ['place', 'agency'] + (['date'] if attribute(gold, 'date') else [])
    return all(fold(attribute(gold, k)) == fold(attribute(predicted, k)) for k in keys)


def same_speaker(gold: Span, predicted: Span) -> bool:
    return fold(attribute(gold, 'speaker')) == fold(attribute(predicted, 'speaker'))


def same_label(gold: Span, predicted: Span) -> bool:
    return attribute(gold, 'label') == attribute(predicted, 'label')


def same_value(gold: Span, predicted: Span) -> bool:
    return same_number(attribute(gold, 'value'), attribute(predicted, 'value'))


def same_date(gold: Span, predicted: Span) -> bool:
    return attribute(gold, 'value') == attribute(predicted, 'value')


# row name -> (gold key, predicted annotation type, what else must agree)
GOLD_ROWS: dict[str, tuple[str, str, Agrees]] = {
    'sentences': ('sentences', 'sentence', any_attributes),
    'dateline': ('dateline', 'dateline', same_dateline),
    'quotes': ('quotes', 'quote', any_attributes),
    'quotes+speaker': ('quotes', 'quote', same_speaker),
    'entities': ('entities', 'entity', same_label),
    'numbers': ('numbers', 'number', same_value),
    'dates': ('dates', 'date', same_date),
}
UD_ROWS: dict[str, str] = {
    'ud-sentences': 'sentence',
    'ud-tokens': 'token',
    'ud-words': 'token',
}
ALL_ROWS = list(GOLD_ROWS) + list(UD_ROWS)


# ---------------------------------------------------------------------------
# The gold stories

def locate(text: str, needle: str, occurrence: int, what: str) -> tuple[int, int]:
    """Span of the `occurrence`-th (1-based) occurrence of `needle` in `text`;
    occurrences may overlap (the n-th start position wins)."""
    if not needle:
        raise ScoreError(f'{what}: empty string')
    position = -1
    for _ in range(occurrence):
        position = text.find(needle, position + 1)
        if position < 0:
            raise ScoreError(f'{what}: {needle!r} does not occur {occurrence} time(s)')
    return position, position + len(needle)


@dataclass
class GoldStory:
    id: str
    text: str
    spans: dict[str, list[Span]]  # by gold key


def load_story(annotation_path: Path, story_dir: Path) -> GoldStory:
    gold = json.loads(annotation_path.read_text(encoding='utf-8'))
    if gold.get('id') != annotation_path.stem:
        raise ScoreError(f'{annotation_path}: id {gold.get("id")!r} is not the file stem')
    text = (story_dir / f'{annotation_path.stem}.txt').read_text(encoding='utf-8')
    return load_story_from(gold, text)


def load_story_from(gold: dict, text: str) -> GoldStory:
    """Places one story's gold strings in its text."""
    story_id = gold['id']
    spans: dict[str, list[Span]] = {key: [] for key, _, _ in GOLD_ROWS.values()}

    cursor = 0
    for sentence in gold['sentences']:
        begin = text.find(sentence, cursor)
        if begin < 0 or text[cursor:begin].strip():
            raise ScoreError(f'{story_id}: sentence not found where the previous one ended: '
                             f'{sentence[:40]!r}')
        cursor = begin + len(sentence)
        spans['sentences'].append(Span(begin, cursor))
    if text[cursor:].strip():
        raise ScoreError(f'{story_id}: text after the last sentence: {text[cursor:][:40]!r}')

    def add(key: str, item: dict, attributes: dict) -> None:
        where = f'{story_id} {key}'
        begin, end = locate(text, item['text'], int(item.get('occurrence', 1)), where)
        spans[key].append(Span(begin, end, attributes))

    if gold.get('dateline'):
        d = gold['dateline']
        add('dateline', d, {k: d.get(k, '') for k in ('place', 'date', 'agency')})
    for q in gold.get('quotes', []):
        add('quotes', q, {'speaker': q.get('speaker', ''), 'verb': q.get('verb', '')})
    for e in gold.get('entities', []):
        add('entities', e, {'label': e['label']})
    for n in gold.get('numbers', []):
        add('numbers', n, {'value': n.get('value', ''), 'unit': n.get('unit', '')})
    for d in gold.get('dates', []):
        add('dates', d, {'value': d.get('value', '')})
    return GoldStory(story_id, text, spans)


def load_gold(gold_dir: Path) -> list[GoldStory]:
    paths = sorted((gold_dir / 'annotations').glob('*.json'))
    if not paths:
        raise ScoreError(f'no gold annotations in {gold_dir / "annotations"}')
    return [load_story(p, gold_dir / 'stories') for p in paths]


def score_gold(stories: list[GoldStory], predictions: dict[str, dict],
               warn: Callable[[str], None]) -> dict[str, Counts]:
    totals = {row: Counts() for row in GOLD_ROWS}
    for story in stories:
        doc = predictions.get(story.id)
        if doc is None:
            warn(f'no prediction for gold story {story.id}: all its gold counts as missed')
            predicted: dict[str, list[Span]] = {}
        else:
            predicted = predicted_spans(doc, story.text)
        for row, (key, type_, agrees) in GOLD_ROWS.items():
            totals[row].add(match(story.spans[key], predicted.get(type_, []), agrees))
    extra = sorted(set(predictions) - {s.id for s in stories})
    if extra:
        warn(f'{len(extra)} predicted document(s) not in the gold set, ignored: '
             + ', '.join(extra[:5]) + (' ...' if len(extra) > 5 else ''))
    return totals


# ---------------------------------------------------------------------------
# UD (CoNLL-U)

@dataclass
class UdWord:
    form: str
    space_after: bool
    punct: bool


@dataclass
class UdSentence:
    text: str
    words: list[UdWord]


@dataclass
class UdDocument:
    id: str
    sentences: list[UdSentence]

    @property
    def text(self) -> str:
        """What make_ud_input.py feeds nahr: the sentences joined by one space."""
        return ' '.join(s.text for s in self.sentences)


def read_conllu(path: Path) -> list[UdDocument]:
    docs: list[UdDocument] = []
    text, words = None, []

    def finish() -> None:
        nonlocal text, words
        if text is not None:
            if not docs:  # a file without "# newdoc": one document
                docs.append(UdDocument('doc1', []))
            docs[-1].sentences.append(UdSentence(text, words))
        text, words = None, []

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('# newdoc'):
                finish()
                match_id = re.match(r'# newdoc id\s*=\s*(.*)', line)
                doc_id = match_id.group(1).strip() if match_id else f'doc{len(docs) + 1}'
                # UD-PUD repeats "# newdoc id = X" before each sentence it took
                # from article X: consecutive repeats continue one document.
                if not docs or docs[-1].id != doc_id:
                    docs.append(UdDocument(doc_id, []))
            elif line.startswith('# text ='):
                text = line[len('# text ='):].strip()
            elif line and not line.startswith('#'):
                columns = line.split('\t')
                if not re.fullmatch(r'\d+', columns[0]):
                    continue  # multiword ranges (1-2) and empty nodes (1.1) are not tokens
                misc = columns[9].split('|') if len(columns) > 9 else []
                words.append(UdWord(columns[1], 'SpaceAfter=No' not in misc,
                                    columns[3] == 'PUNCT'))
            elif not line:
                finish()
    finish()
    return docs


def ud_gold_spans(doc: UdDocument) -> dict[str, list[Span]]:
    """Gold sentences, tokens (one per word line) and orthographic words (word
    lines joined by SpaceAfter=No merged back, except at punctuation: the unit
    a tokeniser that keeps clitics attached produces)."""
    spans: dict[str, list[Span]] = {'ud-sentences': [], 'ud-tokens': [], 'ud-words': []}
    offset = 0
    for sentence in doc.sentences:
        spans['ud-sentences'].append(Span(offset, offset + len(sentence.text)))
        cursor = 0
        word_begin, previous = None, None
        for word in sentence.words:
            while cursor < len(sentence.text) and sentence.text[cursor].isspace():
                cursor += 1
            if sentence.text[cursor:cursor + len(word.form)] != word.form:
                raise ScoreError(f'{doc.id}: word {word.form!r} does not align with the text '
                                 f'at {cursor}')
            begin, cursor = offset + cursor, cursor + len(word.form)
            spans['ud-tokens'].append(Span(begin, offset + cursor))
            joined = previous is not None and not previous.space_after \
                and not previous.punct and not word.punct
            if not joined:
                if word_begin is not None:
                    spans['ud-words'].append(Span(word_begin, word_end))
                word_begin = begin
            word_end, previous = offset + cursor, word
        if word_begin is not None:
            spans['ud-words'].append(Span(word_begin, word_end))
        offset += len(sentence.text) + 1
    return spans


def score_ud(docs: list[UdDocument], predictions: dict[str, dict],
             warn: Callable[[str], None]) -> dict[str, Counts]:
    totals = {row: Counts() for row in UD_ROWS}
    missing = 0
    for doc in docs:
        gold = ud_gold_spans(doc)
        prediction = predictions.get(doc.id)
        if prediction is None:
            missing += 1
            predicted: dict[str, list[Span]] = {}
        else:
            predicted = predicted_spans(prediction, doc.text)
        for row, type_ in UD_ROWS.items():
            totals[row].add(match(gold[row], predicted.get(type_, []), any_attributes))
    if missing:
        warn(f'{missing} UD document(s) have no prediction: their gold counts as missed')
    return totals


# ---------------------------------------------------------------------------
# Report

def table(scores: dict[str, Counts], markdown: bool) -> str:
    header = ['extractor', 'gold', 'predicted', 'correct', 'P', 'R', 'F1']
    rows = [[row, str(c.gold), str(c.predicted), str(c.correct),
             f'{c.precision:.3f}', f'{c.recall:.3f}', f'{c.f1:.3f}'] for row, c in scores.items()]
    if markdown:
        lines = ['| ' + ' | '.join(header) + ' |',
                 '| --- |' + ' ---: |' * (len(header) - 1)]
        lines += ['| ' + ' | '.join(r) + ' |' for r in rows]
        return '\n'.join(lines)
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    pad = lambda r: '  '.join(c.ljust(w) if i == 0 else c.rjust(w)
                              for i, (c, w) in enumerate(zip(r, widths)))
    return '\n'.join([pad(header), pad(['-' * w for w in widths])] + [pad(r) for r in rows])


def below_minimum(scores: dict[str, Counts], minimums: dict[str, float]) -> list[str]:
    unknown = sorted(set(minimums) - set(ALL_ROWS))
    if unknown:
        raise ScoreError(f'unknown row(s) in min-scores: {", ".join(unknown)} '
                         f'(known: {", ".join(ALL_ROWS)})')
    return [f'{row}: F1 {scores[row].f1:.3f} < minimum {minimum:.3f}'
            for row, minimum in minimums.items()
            if row in scores and scores[row].f1 + 1e-9 < minimum]


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--gold', type=Path, help='gold folder (stories/ and annotations/)')
    parser.add_argument('--predicted', type=Path, help='nahr JSONL output over the gold stories')
    parser.add_argument('--ud', type=Path, help='CoNLL-U file for sentence and token scores')
    parser.add_argument('--predicted-ud', type=Path,
                        help='nahr JSONL output over make_ud_input.py output')
    parser.add_argument('--min-scores', type=Path,
                        help='JSON object row -> minimum F1; exit 1 if any score is lower')
    parser.add_argument('--markdown', action='store_true', help='print a markdown table')
    args = parser.parse_args(argv)
    if (args.gold is None) != (args.predicted is None):
        parser.error('--gold and --predicted go together')
    if (args.ud is None) != (args.predicted_ud is None):
        parser.error('--ud and --predicted-ud go together')
    if args.gold is None and args.ud is None:
        parser.error('nothing to score: give --gold/--predicted and/or --ud/--predicted-ud')

    warn = lambda message: print(f'warning: {message}', file=sys.stderr)
    try:
        scores: dict[str, Counts] = {}
        if args.gold is not None:
            scores.update(score_gold(load_gold(args.gold), read_predictions(args.predicted), warn))
        if args.ud is not None:
            scores.update(score_ud(read_conllu(args.ud), read_predictions(args.predicted_ud), warn))
        print(table(scores, args.markdown))
        if args.min_scores is not None:
            minimums = json.loads(args.min_scores.read_text(encoding='utf-8'))
            failures = below_minimum(scores, minimums)
            if failures:
                print('\nbelow the minimum scores in ' + str(args.min_scores) + ':\n  '
                      + '\n  '.join(failures))
                return 1
    except (ScoreError, OSError, json.JSONDecodeError) as e:
        print(f'score.py: {e}', file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
