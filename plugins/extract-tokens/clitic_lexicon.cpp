// The word lists behind clitic segmentation (see clitics.hpp). They are
// matched on the folded form (nahr/text/arabic.hpp), so they are written here
// the way the folding leaves them: hamza on alef dropped, ى as ي.
#include "clitics.hpp"

#include <nahr/text/arabic.hpp>

#include <array>

namespace extract_tokens {
namespace {

// Words never segmented: their first letters look like proclitics but are
// not, or are too ambiguous to guess (والي governor / و+إلى; فهم
// understanding / ف+هم).
constexpr std::array kWholeExceptions = {
    "والي", "والية", "لله",   "بالغ",  "بالغة", "بالغا",  "بالون", "فهم",
    "كالسيوم", "كالة", "بالي", "فاليري", "والت", "والس", "والتر", "لالا", "كاليفورنيا",
};

// Words that start with ال that is no article: relative pronouns, إلى and
// إلا, and words starting with أل / إل / آل once hamza is folded away.
constexpr std::array kArticleExceptions = {
    // relative pronouns, God
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللائي",
    "اللواتي", "الله", "اللهم",
    // إلى, إلا, الآن and إلى with pronouns
    "الي", "الا", "الان", "اليه", "اليها", "اليهم", "اليهما", "اليك", "اليكم", "الينا",
    // آلاف, ألفا, ألوف, آلية, آلة, آلهة
    "الاف", "الفا", "الفي", "الفين", "الوف", "الية", "اليات", "الة", "الات", "الهة",
    // ألمانيا, ألبانيا
    "المانيا", "الماني", "المانية", "البانيا", "الباني", "البانية",
    // verbal nouns and verbs of the forms أفعل and افتعل of roots in ل
    "الغاء", "الغي", "الغت", "الزام", "الزم", "الزمت", "القاء", "القي", "القت", "الحاق",
    "المح", "المحت", "التزام", "التزامات", "التزم", "التزمت", "التزموا", "التقي",
    "التقت", "التقاء", "التقوا", "التحق", "التحقت", "التحاق", "التماس", "التفاف", "التقاط",
    "التقط", "التقطت", "التهاب",
    // names
    "البرت", "الفريد", "الكسندر", "الاسكا", "اليزابيث", "اليسا",
};

// Stems of words that start with a root و (with kStemEndings in clitics.cpp
// they cover وزير وزيرة وزراء وزارات وضعت وجهها ...). A و-initial word not
// covered here, of four letters or more, is read as و + word.
constexpr std::array kNaturalWawStems = {
    "وزير", "وزار", "وزراء", "وكال", "وكيل", "وكلاء", "وجود", "وجد", "وجه", "وجهات", "وسيل",
    "وسائل", "وفق", "وفقا", "وظيف", "وظائف", "وفا", "وفاء", "وفيات", "وصل", "وصول", "وحد",
    "وحيد", "واحد", "ولاي", "ولايات", "ولاة", "ولي", "وادي", "ودي", "وقع", "وقوع", "واقع",
    "وقائع", "وضوح", "واضح", "وضع", "واسع", "وقود", "وطن", "وتير", "وثيق", "وثائق", "وجب",
    "وجوب", "واجب", "وجيز", "ورق", "وفر", "وقف", "واقف", "وسام", "وسط", "ورد", "وارد",
    "وعد", "واعد", "وعي", "ولد", "والد", "وليد", "وقت", "وداع", "ورث", "وراث", "ورش",
    "وريث", "وسيم", "وشك", "وصف", "وصي", "وصيف", "وضوء", "وعاء", "وعر", "وعظ", "وفد",
    "وفود", "وفاق", "وقاي", "وقار", "وكر", "ولاء", "وليم", "وميض", "وهج", "وهاب", "واجه",
    "واصل", "وافق", "واكب", "وباء", "وتر", "وثب", "وحش", "وحل", "وخز", "وداد",
    "ودائع", "وديع", "وراء", "وزن", "وسم", "وسيط", "وسطاء", "وشاح", "وصاي", "وطء",
    "وطيد", "وعود", "وقاح", "ولوج", "وهمي", "وئام", "واشنطن",
    "وارسو", "ويلز", "ويليام", "وليام", "وائل", "وجدي", "ويكيليكس", "ويندوز", "واتساب",
    "ويب",
};

// Words a conjunction is certainly attached to when they follow it:
// و/ف + pronoun, particle, preposition or demonstrative.
constexpr std::array kFunctionWords = {
    "في",    "من",   "الي",  "علي",  "عن",   "مع",   "ان",   "انه",  "انها", "انهم", "لا",
    "لم",    "لن",   "ما",   "لو",   "قد",   "هو",   "هي",   "هم",   "هما",  "هن",   "نحن",
    "انا",   "انت",  "انتم", "كان",  "كانت", "كانوا", "يكون", "تكون", "ليس", "ليست", "لكن",
    "لكنه",  "لكنها", "ذلك", "هذا",  "هذه",  "هؤلاء", "تلك", "هناك", "هنا", "كل",   "كما",
    "كذلك",  "بعد",  "قبل",  "منذ",  "حتي",  "بين",  "عند",  "عندما", "اذا", "اذ",  "اما",
    "ايضا",  "له",   "لها",  "لهم",  "لنا",  "لي",   "لك",   "لكم",  "به",   "بها",  "بهم",
    "بنا",   "فيه",  "فيها", "فيهم", "منه",  "منها", "منهم", "عنه",  "عنها", "عليه", "عليها",
    "عليهم", "معه",  "معها", "غير",  "اي",   "اين",  "كيف",  "متي",  "لماذا", "ماذا", "لقد",
    "لذلك",  "لهذا", "بذلك", "بهذا", "بهذه", "مثل",  "خلال", "حول",  "دون",  "رغم",  "لدي",
};

// ب/ل + a word, written as one, outside the article cases: pronouns, أن,
// ما and the nouns of fixed prepositional phrases most frequent in news
// prose (by their frequency in the project's small benchmark corpus).
constexpr std::array kPrepositionPhrases = {
    "بها",   "بهم",   "بهما",  "بهن",  "بنا",  "بكم",   "لها",   "لهم",  "لهما", "لهن",
    "لنا",   "لكم",   "بان",   "بانه", "بانها", "بانهم", "لان",  "لانه", "لانها", "لانهم",
    "بما",   "بذلك",  "لذلك",  "بهذا", "لهذا", "بهذه",  "لهذه", "بشكل", "بسبب", "بحسب",
    "بنحو",  "بقيمة", "بهدف",  "بفضل", "بصفة", "بصورة", "بطريقة", "بحيث", "لمدة", "لصالح",
    "بعدد",  "بنسبة", "بمعدل", "بدون", "بمثابة", "لدعم", "بمناسبة", "بحضور", "بمشاركة",
    "بشأن",  "باسم",  "بمنطقة", "بمدينة", "بمحافظة", "بوزارة", "لوزارة", "بعنوان", "بتكلفة",
    "لعدم",  "بقوة",  "بسرعة", "باتجاه", "برئاسة", "بقيادة", "بجانب", "بحلول", "بدعم",
    "بتاريخ", "بحاجة", "بجميع", "لجميع", "لبعض", "بواسطة", "بمقدار", "بزيارة", "بمبلغ",
    "لأول",  "لأكثر", "باستخدام", "لتحقيق", "لمواجهة",
};

}  // namespace

CliticSegmenter::CliticSegmenter() {
  const auto fill = [](WordSet& set, const auto& words) {
    for (const char* w : words) set.insert(nahr::arabic::folded(w));
  };
  fill(whole_exceptions_, kWholeExceptions);
  fill(article_exceptions_, kArticleExceptions);
  fill(natural_waw_stems_, kNaturalWawStems);
  fill(function_words_, kFunctionWords);
  fill(preposition_phrases_, kPrepositionPhrases);
}

}  // namespace extract_tokens
