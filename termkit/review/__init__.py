"""The glossary review web app (``termkit review``).

A local web app to confirm a glossary in the browser: the concepts with their evidence and
sources, decisions (approve, reject, edit, pick a rendering, note, undo) saved to
``glossary.txt`` at once, and the exports of a build folder rewritten on request.

* :mod:`termkit.review.session` — the glossary under review, decisions, versions, saving, exports
* :mod:`termkit.review.decisions` — what each decision does to a concept (pure functions)
* :mod:`termkit.review.listing` — order, filters, text and pinyin search, paging
* :mod:`termkit.review.sources` — the sources sidecar and the record context of a source
* :mod:`termkit.review.security` — Host, token and CSRF rules, security headers
* :mod:`termkit.review.app` — the Starlette routes, templates and static files
* :mod:`termkit.review.server` — serving it with uvicorn on a free loopback port
"""

from __future__ import annotations

__all__ = ["ReviewSession"]

from termkit.review.session import ReviewSession
