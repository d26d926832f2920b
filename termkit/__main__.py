"""``python -m termkit`` runs the CLI."""

from termkit.cli import main

if __name__ == "__main__":
    main()
