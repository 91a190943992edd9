/*
 * nahr plugin ABI — the only contract between the host and a plugin.
 *
 * Rules that keep this boundary stable across compilers and standard
 * libraries:
 *   - plain C types only: no C++ standard library type, no exception and no
 *     allocation ever crosses it;
 *   - strings cross as (pointer, size) views; whoever receives a view copies
 *     it if it must outlive the call;
 *   - errors cross as a status plus a message handed to nahr_host_api.set_error;
 *   - every struct a side fills for the other starts with enough to check the
 *     layout: the descriptor with abi_version, the host API with abi_version
 *     and struct_size.
 *
 * A plugin exports exactly one symbol, NAHR_PLUGIN_ENTRY_SYMBOL, of type
 * nahr_plugin_entry_fn. The host reads abi_version from the descriptor it
 * returns before touching anything else, and refuses the plugin on mismatch.
 *
 * Most authors never include this header directly: nahr/plugin.hpp wraps it.
 */
#ifndef NAHR_ABI_H
#define NAHR_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped on every incompatible change to any struct or function below. */
#define NAHR_ABI_VERSION 2u

#define NAHR_PLUGIN_ENTRY_SYMBOL "nahr_plugin_entry"

#if defined(_WIN32)
#define NAHR_EXPORT __declspec(dllexport)
#else
#define NAHR_EXPORT __attribute__((visibility("default")))
#endif

/* A borrowed UTF-8 string; not NUL-terminated. */
typedef struct nahr_str {
  const char* data;
  size_t size;
} nahr_str;

typedef enum nahr_status {
  NAHR_OK = 0,
  /* This document failed; the host quarantines it and the run goes on. */
  NAHR_DOCUMENT_ERROR = 1,
  /* The stage cannot go on (output unwritable, ...); the run stops. */
  NAHR_FATAL_ERROR = 2,
  /* Reader only: the current input holds no further document. */
  NAHR_END_OF_INPUT = 3
} nahr_status;

typedef enum nahr_stage_kind {
  NAHR_STAGE_READER = 1,
  NAHR_STAGE_NORMALISER = 2, /* may change text, through an aligned edit */
  NAHR_STAGE_EXTRACTOR = 3,  /* adds annotations and metadata, never text */
  NAHR_STAGE_WRITER = 4
} nahr_stage_kind;

typedef enum nahr_option_type {
  NAHR_OPTION_BOOL = 1,
  NAHR_OPTION_INT = 2,
  NAHR_OPTION_FLOAT = 3,
  NAHR_OPTION_STRING = 4,
  NAHR_OPTION_STRING_LIST = 5
} nahr_option_type;

/* Stage flags. */
/* One instance may serve all worker threads at once. Without this flag
 * every worker thread gets its own instance. */
#define NAHR_STAGE_THREAD_SAFE 0x1u
/* Readers: the reader can read a part of an input (nahr_host_api.input_part):
 * it returns exactly the records whose first byte lies inside the part, with
 * the ids and sources they get when the whole input is read. A sharded run
 * then splits large uncompressed inputs into byte ranges at any byte; without
 * the flag, each input is read whole by one shard. */
#define NAHR_STAGE_SPLITTABLE 0x2u

typedef struct nahr_option_spec {
  const char* name;
  nahr_option_type type;
  /* The default as a TOML value ("true", "64", "\"NFC\"", "[\"a\"]"), or
   * NULL when the option is required. */
  const char* default_value;
  /* For strings and string lists: the allowed values, NULL-terminated;
   * NULL when any value is allowed. */
  const char* const* choices;
  const char* doc;
} nahr_option_spec;

/* One option value after validation and defaulting by the host. */
typedef struct nahr_option_value {
  nahr_str name;
  nahr_option_type type;
  int bool_value;
  int64_t int_value;
  double float_value;
  nahr_str string_value;
  const nahr_str* list_items;
  size_t list_size;
} nahr_option_value;

/* Every option of the stage's schema, in schema order, each with a value. */
typedef struct nahr_options {
  const nahr_option_value* values;
  size_t count;
} nahr_options;

/* Opaque host objects. */
typedef struct nahr_document nahr_document;
typedef struct nahr_error nahr_error;
typedef struct nahr_input nahr_input;

/* Where a document came from, so an error can name it. */
typedef struct nahr_source {
  nahr_str file;
  uint64_t record; /* 0-based record index inside the file */
  uint64_t line;   /* 1-based line of the record's start; 0 if unknown */
} nahr_source;

/* One changed region of a text rewrite: old[old_begin, old_end) became
 * new[new_begin, new_end). Edits are sorted and disjoint; text outside every
 * edit is unchanged. Insertions and deletions are empty ranges. */
typedef struct nahr_edit {
  uint64_t old_begin;
  uint64_t old_end;
  uint64_t new_begin;
  uint64_t new_end;
} nahr_edit;

typedef struct nahr_annotation_view {
  nahr_str type;
  uint64_t begin; /* UTF-8 byte offsets into the current text */
  uint64_t end;
  uint64_t original_begin; /* the same span in the text as read */
  uint64_t original_end;
  nahr_str stage; /* id of the stage that made it */
  size_t attribute_count;
} nahr_annotation_view;

typedef enum nahr_log_level {
  NAHR_LOG_DEBUG = 1,
  NAHR_LOG_INFO = 2,
  NAHR_LOG_WARN = 3,
  NAHR_LOG_ERROR = 4
} nahr_log_level;

/* Functions the host offers to plugins. A view returned stays valid until
 * the part it shows is next changed: the text until the next rewrite or
 * set_text, metadata until the next set_metadata, annotation views until the
 * next annotation or attribute is added. Adding annotations never moves the
 * text, so a stage may hold doc_text while it annotates. */
typedef struct nahr_host_api {
  uint32_t abi_version;
  uint32_t struct_size;

  void (*set_error)(nahr_error* error, nahr_str message);
  void (*log)(nahr_log_level level, nahr_str message);

  /* Document: reading. */
  nahr_str (*doc_id)(const nahr_document* doc);
  nahr_str (*doc_text)(const nahr_document* doc);
  nahr_str (*doc_original_text)(const nahr_document* doc);
  nahr_source (*doc_source)(const nahr_document* doc);
  size_t (*doc_metadata_count)(const nahr_document* doc);
  void (*doc_metadata_at)(const nahr_document* doc, size_t index, nahr_str* key, nahr_str* value);
  int (*doc_metadata_find)(const nahr_document* doc, nahr_str key, nahr_str* value);
  size_t (*doc_annotation_count)(const nahr_document* doc);
  void (*doc_annotation_at)(const nahr_document* doc, size_t index, nahr_annotation_view* out);
  void (*doc_annotation_attribute_at)(const nahr_document* doc, size_t annotation, size_t index,
                                      nahr_str* key, nahr_str* value);
  /* Maps a span of the current text to the text as read. */
  void (*doc_to_original)(const nahr_document* doc, uint64_t begin, uint64_t end,
                          uint64_t* original_begin, uint64_t* original_end);

  /* Document: writing. Readers set id, source and text; the text a reader
   * sets is the text as read. */
  void (*doc_set_id)(nahr_document* doc, nahr_str id);
  void (*doc_set_source)(nahr_document* doc, nahr_str file, uint64_t record, uint64_t line);
  void (*doc_set_text)(nahr_document* doc, nahr_str text);
  void (*doc_set_metadata)(nahr_document* doc, nahr_str key, nahr_str value);
  /* Normalisers only: replaces the current text with new_text, described by
   * edits against the current text. Returns NAHR_DOCUMENT_ERROR, and points
   * *reason at a static message, when the edits do not describe new_text.
   * Existing annotations move with the text. */
  nahr_status (*doc_rewrite_text)(nahr_document* doc, nahr_str new_text, const nahr_edit* edits,
                                  size_t edit_count, const char** reason);
  /* Returns the new annotation's index; begin/end are current offsets. */
  size_t (*doc_add_annotation)(nahr_document* doc, nahr_str type, uint64_t begin, uint64_t end);
  void (*doc_set_annotation_attribute)(nahr_document* doc, size_t annotation, nahr_str key,
                                       nahr_str value);

  /* Inputs handed to readers: the host opens files, stdin and compressed
   * streams; the reader only parses bytes. */
  nahr_str (*input_name)(const nahr_input* input);
  /* Reads up to capacity bytes; *got == 0 means end of input. On failure
   * returns NAHR_DOCUMENT_ERROR with *reason valid until the next call. */
  nahr_status (*input_read)(nahr_input* input, char* buffer, size_t capacity, size_t* got,
                            nahr_str* reason);

  /* Added at the end of ABI 2: present only when struct_size covers it.
   * The run's provenance as a JSON object (nahr version, config path and
   * sha256, every stage's id, plugin, version and options, start time), for
   * writers that record it beside their output; valid for the whole run.
   * Empty outside a run. */
  nahr_str (*run_info_json)(void);
  /* Added for sharded runs; check struct_size before calling. The part of
   * the open input to return records from: [*begin, *end) in the input's
   * bytes. The stream still starts at the input's first byte, so a reader
   * numbers records as usual; it skips those that start before *begin and
   * may stop at the first that starts at or after *end. Only readers
   * flagged NAHR_STAGE_SPLITTABLE are handed a part other than the whole
   * input, [0, UINT64_MAX). */
  void (*input_part)(const nahr_input* input, uint64_t* begin, uint64_t* end);
  /* Added after input_part; check struct_size before calling.
   * The largest record (line, row, element, file) a reader should hold in
   * memory: [pipeline] max_document_bytes. A reader skips a longer record
   * without buffering it whole and reports it as a document error, so a
   * 200 MB line costs no 200 MB. UINT64_MAX when there is no limit. */
  uint64_t (*input_max_record_bytes)(const nahr_input* input);
} nahr_host_api;

/* Entry points of one stage. Functions a kind does not use are NULL:
 *   reader:     open_input, next_document
 *   normaliser, extractor: process
 *   writer:     either encode_document (+ encode_header, encode_footer when
 *               the format has them): a stream writer, whose output file the
 *               host owns;
 *               or open_output, write_document, close_output: a writer that
 *               manages its own output (a database, a page with totals).
 * create returns NULL and sets error when the options are unusable.
 *
 * A stream writer turns each document into bytes on the worker threads, each
 * thread with its own instance unless the stage is NAHR_STAGE_THREAD_SAFE;
 * the host writes header, documents in input order, and footer. Owning the
 * bytes lets the host write under a temporary name, resume a killed run at
 * a document boundary and merge shards, for every such format at once. The
 * bytes a call returns stay valid until the next call on the same thread. */
typedef struct nahr_stage_vtable {
  void* (*create)(const nahr_options* options, nahr_error* error);
  void (*destroy)(void* stage);
  nahr_status (*process)(void* stage, nahr_document* doc, nahr_error* error);
  nahr_status (*open_input)(void* stage, nahr_input* input, nahr_error* error);
  nahr_status (*next_document)(void* stage, nahr_document* doc, nahr_error* error);
  nahr_status (*open_output)(void* stage, nahr_str path, nahr_error* error);
  nahr_status (*write_document)(void* stage, const nahr_document* doc, nahr_error* error);
  nahr_status (*close_output)(void* stage, nahr_error* error);
  nahr_status (*encode_document)(void* stage, const nahr_document* doc, nahr_str* bytes,
                                 nahr_error* error);
  nahr_status (*encode_header)(void* stage, nahr_str* bytes, nahr_error* error);
  nahr_status (*encode_footer)(void* stage, nahr_str* bytes, nahr_error* error);
} nahr_stage_vtable;

/* Self-tests: sample inputs a plugin ships with the results it expects.
 * `nahr plugin verify FILE.so` runs them in a separate process. What a test
 * does not mention is not checked. A nahr_str with data == NULL means
 * "not given". */
typedef struct nahr_string_pair {
  nahr_str key;
  nahr_str value;
} nahr_string_pair;

typedef struct nahr_sample_annotation {
  nahr_str type;
  nahr_str text; /* the covered text, in the current text */
  /* Expected: each present with this value (others may be too).
   * Input: set on the annotation. */
  const nahr_string_pair* attributes;
  size_t attribute_count;
} nahr_sample_annotation;

typedef struct nahr_self_test {
  nahr_str name;  /* shown in reports */
  nahr_str stage; /* the name of one of this plugin's stages */
  /* Option name -> value as a TOML literal ("true", "3", "\"search\"");
   * options not named take their defaults. */
  const nahr_string_pair* options;
  size_t option_count;

  /* The input. Readers: the bytes of one input file. Other kinds: the text
   * of one document, with this metadata and these annotations (placed on
   * the first occurrence of their text) as if earlier stages made them. */
  nahr_str input;
  const nahr_string_pair* input_metadata;
  size_t input_metadata_count;
  const nahr_sample_annotation* input_annotations;
  size_t input_annotation_count;

  /* Expected of the document after the stage (readers: the first document
   * read; writers: the document given). */
  nahr_str expected_text; /* the whole current text */
  nahr_str expected_id;
  const nahr_string_pair* expected_metadata;
  size_t expected_metadata_count;
  const nahr_sample_annotation* expected_annotations;
  size_t expected_annotation_count;
  int64_t expected_documents; /* readers: documents read; -1 = not checked */
  nahr_str expected_output;   /* writers: a substring of the bytes written */
} nahr_self_test;

typedef struct nahr_stage_descriptor {
  nahr_stage_kind kind;
  const char* name;
  const char* summary;
  uint32_t flags;
  const nahr_option_spec* options;
  size_t option_count;
  nahr_stage_vtable vtable;
} nahr_stage_descriptor;

typedef struct nahr_plugin_descriptor {
  uint32_t abi_version; /* must stay the first member in every ABI version */
  uint32_t struct_size;
  const char* name;
  const char* version;
  const char* summary;
  const nahr_stage_descriptor* stages;
  size_t stage_count;
  /* Added at the end of ABI 2: present only when struct_size covers them,
   * so descriptors built before they existed still load. */
  const nahr_self_test* self_tests;
  size_t self_test_count;
} nahr_plugin_descriptor;

/* The one symbol a plugin exports. The host calls it once, right after
 * loading; the plugin keeps `host` for the rest of its life. */
typedef const nahr_plugin_descriptor* (*nahr_plugin_entry_fn)(const nahr_host_api* host);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NAHR_ABI_H */
