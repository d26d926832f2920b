"""The review web app: Starlette routes over a :class:`~termkit.review.session.ReviewSession`.

Pages are rendered on the server (Jinja2 templates with autoescaping) and work without
JavaScript: every decision is a plain form POST answered by a redirect back to the list. The
page's own script (``static/review.js``, served from the package, no CDN) adds keyboard
shortcuts, decisions without reloading (the same POSTs, answered in JSON), and fetches the
record context of the concepts on screen after the first render.

Routes (all behind :class:`~termkit.review.security.Guard`):

=======================  ======  ==========================================================
``/``                    GET     the list: filters, paging, concept cards
``/concept/{id}``        GET     one concept with the context of its sources
``/api/card/{id}``       GET     JSON: one card's HTML and version
``/api/contexts?ids=``   GET     JSON: the sources section of each concept, with context
``/decide/{id}``         POST    approve, reject, edit, pick, note (form, CSRF, version)
``/undo``                POST    take back a decision (form, CSRF)
``/export``              POST    rewrite the exports of the build folder (CSRF)
``/static/{name}``       GET     the page's script and style sheet (a fixed list)
=======================  ======  ==========================================================
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from termkit.errors import InputError, TermkitError
from termkit.model import Concept, Status
from termkit.review import decisions
from termkit.review.listing import Filters, evidence_of
from termkit.review.security import CSRF_FIELD, Guard, Secrets, check_csrf
from termkit.review.session import ChangedOnDiskError, ReviewSession, StaleEditError
from termkit.review.sources import marks

HERE = Path(__file__).parent
STATIC_TYPES = {"review.js": "text/javascript; charset=utf-8",
                "review.css": "text/css; charset=utf-8"}
SOURCES_ON_CARD = 5
SOURCES_ON_PAGE = 100
MAX_FORM_BYTES = 64 * 1024
MAX_CONTEXT_IDS = 500


def _static_files() -> dict[str, bytes]:
    return {name: (HERE / "static" / name).read_bytes() for name in STATIC_TYPES}


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["marks"] = marks
    return env


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _safe_back(value: str | None) -> str:
    """A local path to go back to after a form POST (never another site)."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value \
            and all(ch.isprintable() for ch in value):
        return value
    return "/"


class ReviewApp:
    """The routes and rendering; ``app`` is the ASGI application (guarded)."""

    def __init__(self, session: ReviewSession, secrets_: Secrets) -> None:
        """Build the Starlette app for ``session``, guarded by ``secrets_``."""
        self.session = session
        self.secrets = secrets_
        self.env = _environment()
        self.static = _static_files()
        routes = [
            Route("/", self.index, methods=["GET"]),
            Route("/concept/{cid}", self.concept_page, methods=["GET"]),
            Route("/api/card/{cid}", self.card_json, methods=["GET"]),
            Route("/api/contexts", self.contexts_json, methods=["GET"]),
            Route("/decide/{cid}", self.decide, methods=["POST"]),
            Route("/undo", self.undo, methods=["POST"]),
            Route("/export", self.export, methods=["POST"]),
            Route("/static/{name}", self.static_file, methods=["GET"]),
            Route("/favicon.ico", lambda request: Response(status_code=204), methods=["GET"]),
        ]
        self.starlette = Starlette(routes=routes)
        self.app = Guard(self.starlette, secrets_)

    # ------------------------------------------------------------------ rendering

    def _render(self, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(**self._common(), **values)
        return HTMLResponse(html, status_code=status)

    def _common(self) -> dict[str, Any]:
        s = self.session
        return {
            "csrf": self.secrets.csrf,
            "csrf_field": CSRF_FIELD,
            "glossary_name": str(s.glossary_path),
            "build_dir": str(s.build_dir) if s.build_dir else None,
            "reviewer": s.reviewer,
            "summary": s.summary(),
            "last": s.last_decision(),
            "exports_stale": s.exports_stale,
        }

    def card_values(self, concept: Concept) -> dict[str, Any]:
        """Everything the card template needs about one concept."""
        s = self.session
        sources = s.sources(concept)
        return {
            "c": concept,
            "version": s.version(concept.id),
            "rivals": decisions.rivals(concept),
            "leader": decisions.leading(concept),
            "forms": decisions.current_forms(concept),
            "evidence": evidence_of(concept),
            "edited": concept.props.get(decisions.EDITED_PROP, "").split(),
            "sources": sources,
            "needles": [t.text for t in concept.terms],
            "statuses": [st.value for st in Status],
        }

    def render_card(self, concept: Concept, back: str) -> str:
        """The HTML of one concept card."""
        template = self.env.get_template("_card.html")
        return template.render(**self._common(), **self.card_values(concept), back=back,
                               contexts=None)

    def render_contexts(self, concept: Concept, limit: int) -> str:
        """The sources section of a concept, with the record context of each source shown."""
        values = self.card_values(concept)
        shown = values["sources"].sources[:limit]
        contexts = [self.session.records.context(src) for src in shown]
        template = self.env.get_template("_sources.html")
        return template.render(**values, contexts=contexts, limit=limit)

    # ------------------------------------------------------------------ pages

    async def index(self, request: Request) -> Response:
        """The list page (its ``Server-Timing`` says how long the server took)."""
        started = time.perf_counter()
        filters = Filters.from_query(request.query_params)
        s = self.session
        page = s.index.page(filters)
        cards = []
        for entry in page.entries:
            concept = s.glossary.concepts[entry.position]
            cards.append({**self.card_values(concept), "entry": entry})
        back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        response = self._render("index.html", filters=filters, page=page, cards=cards,
                                back=back, facets=s.index.facets(), contexts=None)
        response.headers["server-timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response

    async def concept_page(self, request: Request) -> Response:
        """One concept, with its sources in context (works without JavaScript)."""
        concept = self.session.concept(request.path_params["cid"])
        if concept is None:
            return self._render("error.html", 404, message="No such concept in this glossary.")
        back = f"/concept/{concept.id}"
        sources_html = await run_in_threadpool(self.render_contexts, concept, SOURCES_ON_PAGE)
        return self._render("concept.html", card=self.card_values(concept), back=back,
                            sources_html=sources_html)

    async def card_json(self, request: Request) -> Response:
        """One card (after a refused decision, to show the current state)."""
        concept = self.session.concept(request.path_params["cid"])
        if concept is None:
            return JSONResponse({"ok": False, "error": "no such concept"}, status_code=404)
        back = _safe_back(request.query_params.get("back"))
        return JSONResponse({"ok": True, "id": concept.id,
                             "version": self.session.version(concept.id),
                             "html": self.render_card(concept, back)})

    async def contexts_json(self, request: Request) -> Response:
        """The sources sections (with record context) of the concepts named in ``ids``."""
        ids = [i for i in request.query_params.get("ids", "").split(",") if i][:MAX_CONTEXT_IDS]
        concepts = [c for c in map(self.session.concept, ids) if c is not None]

        def work() -> dict[str, str]:
            return {c.id: self.render_contexts(c, SOURCES_ON_CARD) for c in concepts}

        return JSONResponse({"ok": True, "contexts": await run_in_threadpool(work)})

    async def static_file(self, request: Request) -> Response:
        """A file of the fixed list of static files; anything else is 404."""
        name = request.path_params["name"]
        if name not in self.static:
            return Response("Not Found", status_code=404, media_type="text/plain")
        return Response(self.static[name], media_type=STATIC_TYPES[name],
                        headers={"cache-control": "no-cache"})

    # ------------------------------------------------------------------ changes

    async def _form(self, request: Request) -> dict[str, str] | Response:
        """The URL-encoded form of a POST, or the refusal (too large, no CSRF token)."""
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            return self._refuse(request, 413, "the form is too large")
        form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        if not check_csrf(self.secrets, form, request.headers):
            return self._refuse(request, 403, "missing or wrong CSRF token: reload the page")
        return form

    def _refuse(self, request: Request, status: int, message: str, **extra: Any) -> Response:
        if _wants_json(request):
            return JSONResponse({"ok": False, "error": message, **extra}, status_code=status)
        return self._render("error.html", status, message=message)

    def _error(self, request: Request, exc: TermkitError, cid: str | None = None) -> Response:
        if isinstance(exc, StaleEditError | ChangedOnDiskError):
            status = 409
        elif isinstance(exc, InputError) and str(exc).startswith("no concept"):
            status = 404
        else:
            status = 400
        extra = {"id": cid, "version": self.session.version(cid)} if cid else {}
        return self._refuse(request, status, str(exc), **extra)

    def _done(self, request: Request, back: str, payload: dict[str, Any]) -> Response:
        if _wants_json(request):
            last = self.session.last_decision()
            payload.update(
                ok=True,
                summary=self.session.summary(),
                undo={"seq": last.seq, "label": last.label} if last else None,
                exports_stale=self.session.exports_stale,
            )
            return JSONResponse(payload)
        anchor = f"#card-{payload['id']}" if payload.get("id") else ""
        return RedirectResponse(back + anchor, status_code=303)

    async def decide(self, request: Request) -> Response:
        """Apply one decision (form fields: action, version, and the decision's values)."""
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        cid = request.path_params["cid"]
        try:
            version = int(form["version"]) if form.get("version") else None
        except ValueError:
            version = -1
        try:
            outcome = await run_in_threadpool(
                self.session.decide, cid, form.get("action", ""), form, version=version)
        except TermkitError as exc:
            return self._error(request, exc, cid if self.session.concept(cid) else None)
        back = _safe_back(form.get("back"))
        assert outcome.decision is not None
        return self._done(request, back, {
            "id": cid, "version": outcome.version, "seq": outcome.decision.seq,
            "message": outcome.message, "html": self.render_card(outcome.concept, back)})

    async def undo(self, request: Request) -> Response:
        """Take back a decision (``seq``; default the last one)."""
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        try:
            seq = int(form["seq"]) if form.get("seq") else None
        except ValueError:
            return self._refuse(request, 400, "seq must be a number")
        try:
            outcome = await run_in_threadpool(self.session.undo, seq)
        except TermkitError as exc:
            return self._error(request, exc)
        back = _safe_back(form.get("back"))
        cid = outcome.concept.id
        return self._done(request, back, {
            "id": cid, "version": outcome.version, "message": outcome.message,
            "html": self.render_card(outcome.concept, back)})

    async def export(self, request: Request) -> Response:
        """Rewrite the exports of the build folder."""
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        try:
            written = await run_in_threadpool(self.session.export)
        except TermkitError as exc:
            return self._error(request, exc)
        message = f"exported {', '.join(written) or 'nothing (no exports in the folder)'}"
        return self._done(request, _safe_back(form.get("back")),
                          {"message": message, "written": written})


def create_app(session: ReviewSession, secrets_: Secrets) -> Any:
    """The guarded ASGI application for a review session."""
    return ReviewApp(session, secrets_).app

