"""``termkit review``: confirm a glossary in the browser."""

from __future__ import annotations

import click

from termkit.cli.common import warn


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


@click.command()
@click.argument("target", metavar="GLOSSARY|BUILD_DIR")
@click.option("--reviewer", metavar="NAME", default=None,
              help="Name recorded with every decision (default: your login name).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but the loopback address lets other "
                   "machines reach the page (still only with the token): a warning is printed.")
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port to listen on (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the address but do not open a browser.")
def review(target: str, reviewer: str | None, host: str, port: int, no_browser: bool) -> None:
    """Review a glossary in the browser: approve, reject, edit, resolve conflicts.

    Starts a local web app for GLOSSARY (a termkit glossary.txt) or BUILD_DIR (a folder
    written by `termkit build`), prints its address with a session token, and opens the
    browser. Candidates and conflicts come first, with the evidence of each pair and the
    title and keyword lines of the records it was seen in. Every decision is saved to
    glossary.txt at once (with the reviewer and time as concept properties); the exports
    of a build folder are rewritten by the Export button and when you stop with Ctrl-C.

    Example: termkit review out/
    """
    from termkit.review.server import is_loopback, prepare, serve
    from termkit.review.session import ReviewSession

    session = ReviewSession(target, reviewer=reviewer or _login_name())
    prepared = prepare(session, host, port)
    if not is_loopback(host):
        warn(f"listening on {host}, not only on this machine's loopback address: anyone who "
             "can reach it and has the token can change the glossary")
    summary = session.summary()
    click.echo(
        f"Reviewing {session.glossary_path}: {summary['concepts']} concepts, "
        f"{summary['candidates']} candidates, {summary['conflicts']} conflicts "
        f"(reviewer: {session.reviewer})",
        err=True,
    )
    click.echo(prepared.url)
    click.echo("Press Ctrl-C to stop.", err=True)
    if not no_browser:
        import webbrowser

        webbrowser.open(prepared.url)
    serve(prepared)
    click.echo("Stopped.", err=True)
    if session.build_dir is not None and session.exports_stale:
        written = session.export()
        click.echo(f"Exported {', '.join(written) or 'nothing'} to {session.build_dir}", err=True)
