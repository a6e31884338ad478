"""A seeds folder of every bad input an editor might drop into `seeds/`.

The small ones are committed in `tests/inputs/seeds/`; the big, binary and file-system ones are made here, so the
repository holds no megabytes, no image bytes and no names or file types git cannot keep. Run it to get a folder
to build by hand:

    python tests/inputs/hostile.py /tmp/hostile-seeds
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
import zlib
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "seeds"

BIG_PARAGRAPH_BYTES = 5 * 1024 * 1024
ONE_WORD_PARAGRAPHS = 5000
UNPUNCTUATED_WORDS = 100_000
HOSTILE_FOLDER = "<img src=x onerror=alert(1)>"
"""A section folder whose name is HTML."""
HOSTILE_NAMES = ('x" onmouseover="alert(1)" y=".txt', "<svg onload=alert(1)>.txt")
"""Seed file names that are HTML or break out of an attribute."""
NON_UTF8_NAME = b"caf\xe9 latin-1 name.txt"
"""A file name in Latin-1 bytes, as an archive made on Windows may leave it."""


def png() -> bytes:
    """The bytes of a real 2×2 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def big_paragraph() -> str:
    """A title and one paragraph of 5 MB: numbered words in sentences, so a lost or moved word shows."""
    words, size, n = [], 0, 0
    while size < BIG_PARAGRAPH_BYTES:
        n += 1
        word = f"Word{n}" if n % 12 == 1 else f"word{n}." if n % 12 == 0 else f"word{n}"
        words.append(word)
        size += len(word) + 1
    return "A five-megabyte paragraph\n" + " ".join(words) + "\n"


def unpunctuated() -> str:
    """A title and a 1 MB paragraph with no sentence end at all (a pasted list, a transcript)."""
    return "A paragraph that never ends\n" + " ".join(f"item{i}" for i in range(UNPUNCTUATED_WORDS)) + "\n"


def many_paragraphs() -> str:
    """A title and thousands of one-word paragraphs."""
    return "Thousands of one-word paragraphs\n\n" + "\n\n".join(f"w{i}" for i in range(ONE_WORD_PARAGRAPHS)) + "\n"


def make_seeds(dest: Path) -> Path:
    """Fill `dest` (created) with every hostile seed; returns it."""
    shutil.copytree(FIXTURES, dest, dirs_exist_ok=True)
    (dest / "binary-image.txt").write_bytes(png())
    (dest / "big-paragraph.txt").write_text(big_paragraph(), encoding="utf-8")
    (dest / "many-paragraphs.txt").write_text(many_paragraphs(), encoding="utf-8")
    (dest / HOSTILE_FOLDER).mkdir(exist_ok=True)
    (dest / HOSTILE_FOLDER / "in-a-hostile-folder.txt").write_text("In a hostile folder\nIts folder name is HTML.\n")
    for name in HOSTILE_NAMES:
        (dest / name).write_text(f"Hostile file name\nThis seed's file name is {name!r}.\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(dest), NON_UTF8_NAME), "wb") as out:
        out.write(b"Latin-1 file name\nThis seed's file name is not UTF-8.\n")
    # Files that cannot be read. Root reads a chmod 000 file anyway, so a broken link and a named pipe (which
    # blocks a reader forever) are what exercise the "cannot be read" path under root.
    (dest / "broken-link.txt").symlink_to(dest / "no-such-file")
    os.mkfifo(dest / "named-pipe.txt")
    unreadable = dest / "no-permission.txt"
    unreadable.write_text("No permission\nOnly root can read this seed.\n")
    unreadable.chmod(0)
    (dest / "folder.txt").mkdir(exist_ok=True)  # a directory named like a seed: a section folder, empty
    (dest / "linked-folder").symlink_to(HOSTILE_FOLDER, target_is_directory=True)  # not followed: reported
    (dest / "unpunctuated.txt").write_text(unpunctuated(), encoding="utf-8")
    return dest


if __name__ == "__main__":
    print(make_seeds(Path(sys.argv[1])))
