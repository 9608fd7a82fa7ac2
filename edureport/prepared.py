"""docxtpl with a template's preparation done once per template instead of once per render.

Before it renders, docxtpl rewrites each part's XML so that Jinja can read the tags Word split
across runs (``patch_xml``: a dozen regular expressions over the whole part), and Jinja compiles the
result. Both depend only on the part's XML, so both are kept, keyed by that XML itself: a template
changed on disk is prepared anew, and nothing but the template is ever part of the key. They are
kept in memory for the process and on disk for the next one (a cold `edureport build`), in Jinja's
per-user bytecode cache folder (private to the user, in the temporary folder).
After rendering, docxtpl turns tabs, line breaks and page breaks in text into Word's elements
paragraph by paragraph; here only the paragraphs holding such a character are visited, which gives
the same XML.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import hashlib
import io
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import docxtpl
import jinja2
from docx import Document as open_docx
from docxtpl import DocxTemplate
from jinja2 import FileSystemBytecodeCache

_PREPARED: dict[str, str] = {}
_LIMIT = 64  # parts kept; a batch uses a handful of templates with a few parts each

# What docxtpl's resolve_listing works on: one paragraph up to its first </w:p>, as docxtpl's
# ``<w:p(?: [^>]*)?>.*?</w:p>`` matches it, written so that the scan runs without backtracking; and
# the characters it turns into elements.
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>[^<]*(?:<(?!/w:p>)[^<]*)*</w:p>")
_LISTING = re.compile("[\t\a\n\f]")


class PreparedTemplate(DocxTemplate):  # type: ignore[misc]
    """A DocxTemplate whose part preparation is computed once per distinct part XML, and whose
    package is opened once per distinct template file (each render gets its own copy)."""

    docx: Any
    is_rendered: bool

    def init_docx(self, reload: bool = True) -> None:
        if not self.docx or (self.is_rendered and reload):
            self.docx = _opened(str(self.template_file))
            self.is_rendered = False

    def patch_xml(self, src_xml: str) -> str:
        prepared = _PREPARED.get(src_xml)
        if prepared is None:
            if len(_PREPARED) >= _LIMIT:
                _PREPARED.clear()
            prepared = _PREPARED[src_xml] = _on_disk(
                f"docxtpl {docxtpl.__version__}\n{src_xml}", super().patch_xml, src_xml
            )
        return prepared

    def resolve_listing(self, xml: str) -> str:
        found = _LISTING.search(xml)
        if found is None:
            return xml
        # docxtpl rewrites every paragraph; those without such a character come out unchanged.
        resolve = super().resolve_listing
        if "txbxContent" in xml:  # paragraphs in text boxes nest: docxtpl's scan, paragraph by one
            return _PARAGRAPH.sub(lambda m: resolve(m[0]) if _LISTING.search(m[0]) else m[0], xml)
        # Unnested, each paragraph runs from its <w:p> to its </w:p>: only those holding such a
        # character are looked up, from the character back to its paragraph's start.
        out, done = [], 0
        while found is not None:
            at = found.start()
            start = max(xml.rfind("<w:p>", done, at), xml.rfind("<w:p ", done, at))
            end = xml.find("</w:p>", at)
            if start < 0 or end < 0 or xml.rfind("</w:p>", start, at) >= 0:
                found = _LISTING.search(xml, at + 1)  # between paragraphs: left as it is
                continue
            end += len("</w:p>")
            out += [xml[done:start], resolve(xml[start:end])]
            done = end
            found = _LISTING.search(xml, done)
        out.append(xml[done:])
        return "".join(out)


_OPENED: dict[bytes, Any] = {}


def _opened(path: str) -> Any:
    """python-docx's Document for the template file at ``path``: parsed once per content, then
    deep-copied (a third of the time of opening it)."""
    data = Path(path).read_bytes()
    key = hashlib.sha256(data).digest()
    pristine = _OPENED.get(key)
    if pristine is None:
        if len(_OPENED) >= 8:
            _OPENED.clear()
        pristine = _OPENED[key] = open_docx(io.BytesIO(data))
    return copy.deepcopy(pristine)


@functools.cache
def _cache() -> FileSystemBytecodeCache | None:
    """Jinja's bytecode cache in its default folder, checked to be the user's own; None where
    there is no such folder (the build then prepares everything itself)."""
    try:
        return FileSystemBytecodeCache(pattern="__edureport_%s.cache")
    except (OSError, RuntimeError):
        return None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _on_disk(key: str, make: Any, source: str) -> str:
    """``make(source)``, kept in a file named by the hash of ``key`` (which holds ``source``)."""
    cache = _cache()
    if cache is None:
        return str(make(source))
    path = Path(cache.directory) / f"__edureport_{_digest(key)}.xml"
    try:  # the file starts with the hash of the rest: anything else is made anew
        check, _, kept = path.read_bytes().decode("utf-8", "surrogatepass").partition("\n")
        if check == _digest(kept):
            return kept
    except (OSError, UnicodeDecodeError):
        pass
    made = str(make(source))
    try:  # written whole under another name, then renamed: a reader never sees half a file
        fd, tmp = tempfile.mkstemp(dir=cache.directory, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(f"{_digest(made)}\n{made}".encode("utf-8", "surrogatepass"))
        os.replace(tmp, path)
    except OSError:
        pass
    return made


def _fingerprint(environment: jinja2.Environment) -> str:
    """What the code Jinja generates depends on besides the source: Jinja's version, and the
    modules that define the environment's classes and its code generator (a sandbox, limits,
    autoescaping, …): a change to any of them compiles anew."""
    kinds = [*type(environment).__mro__, environment.code_generator_class]
    modules = sorted({k.__module__ for k in kinds} - {"builtins"})
    return _configured(tuple(modules), repr(environment.autoescape))


@functools.cache
def _configured(modules: tuple[str, ...], autoescape: str) -> str:
    sources = hashlib.sha256()
    for name in modules:
        if name.split(".")[0] == "jinja2":
            continue  # its version stands for it
        try:
            source = Path(str(getattr(sys.modules.get(name), "__file__", ""))).read_bytes()
        except OSError:
            source = b""
        sources.update(name.encode() + hashlib.sha256(source).digest())
    return _digest(f"{jinja2.__version__} {' '.join(modules)} {autoescape} {sources.hexdigest()}")


def compile_template(environment: jinja2.Environment, source: str) -> Any:
    """``environment.from_string(source)``, with the compiled code kept on disk for the next
    process (Jinja's bucket also checks the Python and Jinja versions it was made with)."""
    cache = _cache()
    bucket = None
    code = None
    if cache is not None:
        try:
            bucket = cache.get_bucket(
                environment, _fingerprint(environment) + _digest(source), None, source
            )
            code = bucket.code
        except (OSError, ValueError, EOFError, TypeError):
            bucket = None
    if code is None:
        code = environment.compile(source)
        if bucket is not None and cache is not None:
            bucket.code = code
            with contextlib.suppress(OSError):  # a full disk only loses the next one's time
                cache.set_bucket(bucket)
    globals = environment.make_globals(None)
    return environment.template_class.from_code(environment, code, globals, None)


def prepared_count() -> int:
    """How many part preparations are kept (for tests and benchmarks)."""
    return len(_PREPARED)


def forget() -> None:
    """Drop every kept preparation."""
    _PREPARED.clear()
    _OPENED.clear()


def template(path: str) -> Any:
    """A template for ``path`` that reuses the preparation of parts seen before."""
    return PreparedTemplate(path)
