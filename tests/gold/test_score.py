#!/usr/bin/env python3
"""Tests of score.py on a tiny synthetic gold set, and consistency checks of
the real gold set in this folder.

    python3 -m unittest discover -s tests/gold -p 'test_*.py'
"""
import contextlib
import datetime
import io
import json
import re
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_input  # noqa: E402
import make_ud_input  # noqa: E402
import score  # noqa: E402

# The emoji is outside the BMP, so from there on utf16 offsets run one ahead
# of code points, and every Arabic letter is two bytes.
STORY = ('القاهرة (أ ف ب) - قال أحمد سالم 😀 إن "الوضع صعب". '
         'وأضاف سالم أن 90 في المئة من السكان غادروا الخميس.\n')
GOLD = {
    'id': '01-test',
    'date': '2019-03-07',
    'sentences': ['القاهرة (أ ف ب) - قال أحمد سالم 😀 إن "الوضع صعب".',
                  'وأضاف سالم أن 90 في المئة من السكان غادروا الخميس.'],
    'dateline': {'text': 'القاهرة (أ ف ب) -', 'place': 'القاهرة', 'date': '', 'agency': 'أ ف ب'},
    'quotes': [{'text': 'الوضع صعب', 'speaker': 'أحمد سالم', 'verb': 'قال', 'occurrence': 1}],
    'entities': [{'text': 'القاهرة', 'label': 'LOC', 'occurrence': 1},
                 {'text': 'أحمد سالم', 'label': 'PER', 'occurrence': 1},
                 {'text': 'سالم', 'label': 'PER', 'occurrence': 2}],
    'numbers': [{'text': '90 في المئة', 'value': '90', 'unit': '%', 'occurrence': 1}],
    'dates': [{'text': 'الخميس', 'value': '2019-03-07', 'occurrence': 1}],
}
TYPES = {'sentences': 'sentence', 'dateline': 'dateline', 'quotes': 'quote',
         'entities': 'entity', 'numbers': 'number', 'dates': 'date'}


def write_gold(folder: Path) -> None:
    (folder / 'stories').mkdir()
    (folder / 'annotations').mkdir()
    (folder / 'stories' / '01-test.txt').write_text(STORY, encoding='utf-8')
    (folder / 'annotations' / '01-test.json').write_text(
        json.dumps(GOLD, ensure_ascii=False), encoding='utf-8')


def in_unit(text: str, index: int, unit: str) -> int:
    prefix = text[:index]
    if unit == 'bytes':
        return len(prefix.encode('utf-8'))
    if unit == 'utf16':
        return len(prefix.encode('utf-16-le')) // 2
    return index


def perfect_annotations() -> list[dict]:
    """The gold as annotations with code point offsets (what a perfect pipeline finds)."""
    story = score.load_story_from(GOLD, STORY)
    out = []
    for key, type_ in TYPES.items():
        for span in story.spans[key]:
            out.append({'type': type_, 'begin': span.begin, 'end': span.end,
                        'attributes': {k: v for k, v in span.attributes.items()}})
    return out


def prediction(annotations: list[dict], unit: str = 'codepoints', doc_id: str = '01-test',
               text: str = STORY) -> dict:
    """A write-jsonl line: current text normalised (alef folded), so only the
    original offsets are usable."""
    return {
        'id': doc_id,
        'text': text.replace('أ', 'ا'),
        'original_text': text.rstrip('\n'),
        'metadata': {},
        'annotations': [dict(a, begin=0, end=0,
                             original_begin=in_unit(text, a['begin'], unit),
                             original_end=in_unit(text, a['end'], unit)) for a in annotations],
        'offsets': unit,
    }


class ScorerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)
        write_gold(self.dir)
        self.stories = score.load_gold(self.dir)

    def tearDown(self):
        self.tmp.cleanup()

    def scores(self, docs: list[dict]) -> dict:
        return score.score_gold(self.stories, {d['id']: d for d in docs}, lambda m: None)

    def assertCounts(self, counts, gold, predicted, correct, p, r, f1):
        self.assertEqual((counts.gold, counts.predicted, counts.correct), (gold, predicted, correct))
        self.assertAlmostEqual(counts.precision, p)
        self.assertAlmostEqual(counts.recall, r)
        self.assertAlmostEqual(counts.f1, f1)

    def test_gold_strings_become_code_point_spans(self):
        story = self.stories[0]
        begin = STORY.index('سالم', STORY.index('سالم') + 1)
        self.assertIn(score.Span(begin, begin + 4), story.spans['entities'])
        self.assertEqual([STORY[s.begin:s.end] for s in story.spans['sentences']],
                         GOLD['sentences'])

    def test_perfect_prediction_scores_one_everywhere(self):
        scores = self.scores([prediction(perfect_annotations())])
        expected = {'sentences': 2, 'dateline': 1, 'quotes': 1, 'quotes+speaker': 1,
                    'entities': 3, 'numbers': 1, 'dates': 1}
        for row, n in expected.items():
            self.assertCounts(scores[row], n, n, n, 1.0, 1.0, 1.0)

    def test_utf16_and_byte_offsets_score_like_code_points(self):
        annotations = perfect_annotations()
        by_unit = {unit: prediction(annotations, unit) for unit in ('codepoints', 'utf16', 'bytes')}
        last = lambda unit: by_unit[unit]['annotations'][1]['original_begin']  # 2nd sentence
        self.assertEqual(last('utf16'), last('codepoints') + 1)  # the emoji counts twice
        self.assertGreater(last('bytes'), last('utf16'))
        for unit, doc in by_unit.items():
            with self.subTest(unit=unit):
                scores = self.scores([doc])
                for row in score.GOLD_ROWS:
                    self.assertEqual(scores[row].f1, 1.0, row)

    def test_code_point_offsets_declared_as_utf16_miss_after_the_emoji(self):
        doc = prediction(perfect_annotations())
        doc['offsets'] = 'utf16'
        scores = self.scores([doc])
        # Before the emoji both units agree: the first sentence ends after it.
        self.assertCounts(scores['dateline'], 1, 1, 1, 1.0, 1.0, 1.0)
        self.assertEqual(scores['sentences'].correct, 0)

    def test_one_missing_entity(self):
        annotations = [a for a in perfect_annotations()
                       if not (a['type'] == 'entity' and a['attributes']['label'] == 'LOC')]
        self.assertCounts(self.scores([prediction(annotations)])['entities'],
                          3, 2, 2, 1.0, 2 / 3, 0.8)

    def test_one_wrong_label(self):
        annotations = perfect_annotations()
        for a in annotations:
            if a['type'] == 'entity' and a['attributes']['label'] == 'LOC':
                a['attributes']['label'] = 'ORG'
        self.assertCounts(self.scores([prediction(annotations)])['entities'],
                          3, 3, 2, 2 / 3, 2 / 3, 2 / 3)

    def test_span_off_by_one_is_wrong(self):
        annotations = perfect_annotations()
        number = next(a for a in annotations if a['type'] == 'number')
        number['end'] -= 1
        self.assertCounts(self.scores([prediction(annotations)])['numbers'], 1, 1, 0, 0, 0, 0)

    def test_duplicate_prediction_counts_once(self):
        annotations = perfect_annotations()
        annotations.append(dict(next(a for a in annotations if a['type'] == 'date')))
        self.assertCounts(self.scores([prediction(annotations)])['dates'], 1, 2, 1, 0.5, 1.0, 2 / 3)

    def test_speaker_must_be_the_full_name_after_folding(self):
        def with_speaker(name):
            annotations = perfect_annotations()
            next(a for a in annotations if a['type'] == 'quote')['attributes']['speaker'] = name
            return self.scores([prediction(annotations)])

        folded = with_speaker('احمد  سالم')  # bare alef, doubled space: as a normaliser leaves it
        self.assertEqual(folded['quotes+speaker'].f1, 1.0)
        short = with_speaker('سالم')
        self.assertCounts(short['quotes'], 1, 1, 1, 1.0, 1.0, 1.0)
        self.assertCounts(short['quotes+speaker'], 1, 1, 0, 0.0, 0.0, 0.0)

    def test_dateline_date_is_only_checked_when_the_gold_has_one(self):
        annotations = perfect_annotations()
        dateline = next(a for a in annotations if a['type'] == 'dateline')
        dateline['attributes']['date'] = 'anything'
        self.assertEqual(self.scores([prediction(annotations)])['dateline'].f1, 1.0)
        dateline['attributes']['agency'] = 'رويترز'
        self.assertEqual(self.scores([prediction(annotations)])['dateline'].f1, 0.0)

    def test_number_values_compare_as_numbers(self):
        annotations = perfect_annotations()
        number = next(a for a in annotations if a['type'] == 'number')
        number['attributes']['value'] = '90.0'
        self.assertEqual(self.scores([prediction(annotations)])['numbers'].f1, 1.0)
        number['attributes']['value'] = '0.9'
        self.assertEqual(self.scores([prediction(annotations)])['numbers'].f1, 0.0)

    def test_missing_document_misses_all_its_gold(self):
        warnings = []
        scores = score.score_gold(self.stories, {}, warnings.append)
        self.assertCounts(scores['sentences'], 2, 0, 0, 0.0, 0.0, 0.0)
        self.assertIn('01-test', warnings[0])

    def test_offsets_inside_a_character_are_an_error(self):
        doc = prediction(perfect_annotations(), 'bytes')
        entity = next(a for a in doc['annotations'] if a['type'] == 'entity')
        entity['original_end'] -= 1  # inside the last letter of القاهرة
        with self.assertRaises(score.ScoreError):
            self.scores([doc])

    def test_without_original_offsets_only_an_unchanged_text_is_usable(self):
        doc = prediction(perfect_annotations())
        for a in doc['annotations']:
            a['begin'], a['end'] = a.pop('original_begin'), a.pop('original_end')
        with self.assertRaises(score.ScoreError):  # text was normalised
            self.scores([doc])
        doc['text'] = STORY.rstrip('\n')
        del doc['original_text']
        self.assertEqual(self.scores([doc])['entities'].f1, 1.0)

    def run_main(self, *args):
        predicted = self.dir / 'pred.jsonl'
        predicted.write_text(json.dumps(prediction(perfect_annotations()[1:]),
                                        ensure_ascii=False) + '\n', encoding='utf-8')
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = score.main(['--gold', str(self.dir), '--predicted', str(predicted), *args])
        return code, out.getvalue()

    def test_min_scores_fail_the_run_and_name_the_row(self):
        minimums = self.dir / 'min.json'
        minimums.write_text('{"sentences": 0.9, "entities": 0.5}')
        code, out = self.run_main('--min-scores', str(minimums))
        self.assertEqual(code, 1)  # the first sentence was dropped: F1 2/3
        self.assertIn('sentences: F1 0.667 < minimum 0.900', out)
        self.assertNotIn('entities: F1', out)
        minimums.write_text('{"sentences": 0.6, "ud-tokens": 0.99}')  # UD rows not run: ignored
        self.assertEqual(self.run_main('--min-scores', str(minimums))[0], 0)
        minimums.write_text('{"sentence": 0.6}')
        self.assertEqual(self.run_main('--min-scores', str(minimums))[0], 2)

    def test_tables(self):
        code, out = self.run_main('--markdown')
        self.assertEqual(code, 0)
        self.assertIn('| sentences | 2 | 1 | 1 | 1.000 | 0.500 | 0.667 |', out)
        code, out = self.run_main()
        self.assertRegex(out, r'(?m)^quotes\+speaker +1 +1 +1 +1\.000 +1\.000 +1\.000$')


CONLLU = """\
# newdoc id = d1
# sent_id = d1-1
# text = قال لأحمد: نعم.
1\tقال\t_\tVERB\t_\t_\t0\troot\t_\t_
2\tل\t_\tADP\t_\t_\t3\tcase\t_\tSpaceAfter=No
3\tأحمد\t_\tPROPN\t_\t_\t1\tobl\t_\tSpaceAfter=No
4\t:\t_\tPUNCT\t_\t_\t5\tpunct\t_\t_
5\tنعم\t_\tINTJ\t_\t_\t1\tparataxis\t_\tSpaceAfter=No
6\t.\t_\tPUNCT\t_\t_\t1\tpunct\t_\t_

# newdoc id = d1
# sent_id = d1-2
# text = ارتفع 5%.
1\tارتفع\t_\tVERB\t_\t_\t0\troot\t_\t_
2\t5\t_\tNUM\t_\t_\t1\tobj\t_\tSpaceAfter=No
3\t%\t_\tSYM\t_\t_\t2\tnmod\t_\tSpaceAfter=No
4\t.\t_\tPUNCT\t_\t_\t1\tpunct\t_\t_

# newdoc id = d2
# sent_id = d2-1
# text = كتبها.
1\tكتب\t_\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
2\tها\t_\tPRON\t_\t_\t1\tobj\t_\tSpaceAfter=No
3\t.\t_\tPUNCT\t_\t_\t1\tpunct\t_\t_

"""


class UdTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.conllu = Path(self.tmp.name) / 'test.conllu'
        self.conllu.write_text(CONLLU, encoding='utf-8')
        self.docs = score.read_conllu(self.conllu)

    def tearDown(self):
        self.tmp.cleanup()

    def test_repeated_newdoc_ids_continue_one_document(self):
        self.assertEqual([(d.id, d.text) for d in self.docs],
                         [('d1', 'قال لأحمد: نعم. ارتفع 5%.'), ('d2', 'كتبها.')])

    def test_make_ud_input_writes_one_line_per_document(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            make_ud_input.main([str(self.conllu)])
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        self.assertEqual(lines, [{'id': d.id, 'text': d.text} for d in self.docs])

    def test_gold_tokens_and_orthographic_words(self):
        gold = score.ud_gold_spans(self.docs[0])
        text = self.docs[0].text
        pieces = lambda row: [text[s.begin:s.end] for s in gold[row]]
        self.assertEqual(pieces('ud-sentences'), ['قال لأحمد: نعم.', 'ارتفع 5%.'])
        self.assertEqual(pieces('ud-tokens'),
                         ['قال', 'ل', 'أحمد', ':', 'نعم', '.', 'ارتفع', '5', '%', '.'])
        self.assertEqual(pieces('ud-words'), ['قال', 'لأحمد', ':', 'نعم', '.', 'ارتفع', '5%', '.'])

    def test_a_tokeniser_that_keeps_clitics_attached(self):
        predictions = {}
        for doc in self.docs:
            spans = [('sentence', s) for s in score.ud_gold_spans(doc)['ud-sentences']]
            spans += [('token', m.span()) for m in re.finditer(r'\w+%?|[^\w\s]', doc.text)]
            annotations = [{'type': t, 'begin': 0, 'end': 0,
                            'original_begin': s[0] if isinstance(s, tuple) else s.begin,
                            'original_end': s[1] if isinstance(s, tuple) else s.end}
                           for t, s in spans]
            predictions[doc.id] = {'id': doc.id, 'text': doc.text, 'annotations': annotations,
                                   'offsets': 'codepoints'}
        scores = score.score_ud(self.docs, predictions, lambda m: None)
        self.assertEqual(scores['ud-sentences'].f1, 1.0)
        self.assertEqual(scores['ud-words'].f1, 1.0)
        # لأحمد, 5% and كتبها are one token each where UD has two: 13 gold, 10 predicted, 7 right.
        counts = scores['ud-tokens']
        self.assertEqual((counts.gold, counts.predicted, counts.correct), (13, 10, 7))
        self.assertAlmostEqual(counts.f1, 14 / 23)


class GoldSetChecks:
    """A hand-annotated gold set keeps to the rules in README.md. Mixed into one
    TestCase per gold folder, which sets FOLDER and MIN_STORIES."""
    FOLDER: Path
    MIN_STORIES: int

    @classmethod
    def setUpClass(cls):
        cls.stories = score.load_gold(cls.FOLDER)  # raises if a gold string is not in its story
        cls.gold = {p.stem: json.loads(p.read_text(encoding='utf-8'))
                    for p in sorted((cls.FOLDER / 'annotations').glob('*.json'))}

    def test_enough_stories_each_with_its_annotations(self):
        stems = lambda sub, ext: {p.stem for p in (self.FOLDER / sub).glob(f'*.{ext}')}
        self.assertGreaterEqual(len(self.stories), self.MIN_STORIES)
        self.assertEqual(stems('stories', 'txt'), stems('annotations', 'json'))

    def test_story_files_are_well_formed(self):
        for story in self.stories:
            with self.subTest(story=story.id):
                self.assertRegex(story.id, r'^\d\d-[a-z0-9-]+$')
                self.assertTrue(story.text.endswith('\n') and not story.text.endswith('\n\n'))
                self.assertNotIn('\n\n\n', story.text)
                self.assertNotRegex(story.text, r'[ \t]\n|\n[ \t]|  |\r')
                self.assertTrue(60 <= len(story.text.split()) <= 150)

    def test_sentences_never_cross_paragraphs(self):
        for story in self.stories:
            for span in story.spans['sentences']:
                self.assertNotIn('\n', story.text[span.begin:span.end], story.id)

    def test_no_overlapping_spans_of_one_kind(self):
        for story in self.stories:
            for key, spans in story.spans.items():
                ordered = sorted((s.begin, s.end) for s in spans)
                for (_, end), (begin, _) in zip(ordered, ordered[1:]):
                    self.assertLessEqual(end, begin, f'{story.id} {key}')

    def test_spans_start_and_end_on_words(self):
        for story in self.stories:
            for key in ('entities', 'numbers', 'dates'):
                for s in story.spans[key]:
                    piece = story.text[s.begin:s.end]
                    self.assertEqual(piece, piece.strip(), f'{story.id} {key}')
                    before, after = story.text[max(0, s.begin - 3):s.begin], story.text[s.end:s.end + 1]
                    self.assertFalse(after.isalpha(), f'{story.id} {piece!r} ends inside a word')
                    # Only one-letter clitics may be glued on: a conjunction, a
                    # preposition, or both (وللأمم المتحدة gives لأمم المتحدة).
                    self.assertRegex(before, r'(^|\W)([وف]?[بلك]|[وف])?$', f'{story.id} {piece!r}')

    def test_attribute_values(self):
        value_forms = {
            'numbers': r'^(|\d+(\.\d*[1-9])?)$',
            'dates': r'^(|\d{4}(-\d\d(-\d\d)?)?)$',
        }
        for story_id, gold in self.gold.items():
            datetime.date.fromisoformat(gold['date'])
            self.assertEqual(set(gold), {'id', 'date', 'sentences', 'dateline', 'quotes',
                                         'entities', 'numbers', 'dates'}, story_id)
            for key, form in value_forms.items():
                for item in gold[key]:
                    self.assertRegex(item['value'], form, f'{story_id} {item}')
            for e in gold['entities']:
                self.assertIn(e['label'], ('PER', 'ORG', 'LOC', 'MISC'))
            if gold['dateline']:
                d = gold['dateline']
                for part in ('place', 'date', 'agency'):
                    self.assertIn(d[part], d['text'])
                self.assertTrue(gold['sentences'][0].startswith(d['text']))

    def test_speakers_are_named_in_the_story(self):
        for story_id, gold in self.gold.items():
            names = {e['text'] for e in gold['entities'] if e['label'] in ('PER', 'ORG')}
            for q in gold['quotes']:
                if q['speaker']:
                    self.assertIn(q['speaker'], names, story_id)

    def test_weekdays_and_relative_days_resolve_against_the_story_date(self):
        weekdays = {'الاثنين': 0, 'الإثنين': 0, 'الثلاثاء': 1, 'الأربعاء': 2, 'الخميس': 3,
                    'الجمعة': 4, 'السبت': 5, 'الأحد': 6}
        for story_id, gold in self.gold.items():
            today = datetime.date.fromisoformat(gold['date'])
            for d in gold['dates']:
                words = d['text'].split()
                if words[-1] in weekdays:
                    back = (today.weekday() - weekdays[words[-1]]) % 7
                    expected = today - datetime.timedelta(days=back)
                elif d['text'] == 'أمس':
                    expected = today - datetime.timedelta(days=1)
                elif d['text'] == 'اليوم':
                    expected = today
                else:
                    continue
                self.assertEqual(d['value'], expected.isoformat(), f'{story_id} {d["text"]}')

    def test_make_input_carries_id_date_and_exact_text(self):
        records = list(make_input.records(self.FOLDER))
        self.assertEqual(len(records), len(self.stories))
        for record, story in zip(records, self.stories):
            self.assertEqual((record['id'], record['text']), (story.id, story.text))
            self.assertEqual(record['date'], self.gold[story.id]['date'])


class GoldSetTest(GoldSetChecks, unittest.TestCase):
    FOLDER = HERE
    MIN_STORIES = 25


class HeldOutGoldSetTest(GoldSetChecks, unittest.TestCase):
    """The held-out set in heldout/ follows the same rules."""
    FOLDER = HERE / 'heldout'
    MIN_STORIES = 15


if __name__ == '__main__':
    unittest.main()
