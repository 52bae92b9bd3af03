"""The ``khabar`` command. Each subcommand is a thin module with ``add_parser`` and ``run``.

Exit codes (documented in the README):

0  every input was analysed
1  some inputs failed (each is reported, and the batch went on)
2  usage error (bad arguments or settings)
3  no input could be analysed
4  khabar itself could not start (a pipeline or resource error)
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from khabar import __version__
from khabar.errors import ConfigError, KhabarError, PipelineError, ResourceError

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_ALL_FAILED, EXIT_SETUP = 0, 1, 2, 3, 4

# Subcommand modules, in the order `khabar --help` lists them.
COMMANDS = ("run", "eval", "ingest", "query", "export")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khabar",
        description="Political event records from Arabic and English news, with their sources.",
    )
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"khabar.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("khabar.cli"):
                continue  # a command not built yet
            raise
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        code: int = args.handler(args)
        return code
    except ConfigError as exc:
        print(f"khabar: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (PipelineError, ResourceError) as exc:
        print(f"khabar: cannot start: {exc}", file=sys.stderr)
        return EXIT_SETUP
    except KhabarError as exc:
        print(f"khabar: error: {exc}", file=sys.stderr)
        return EXIT_ALL_FAILED
    except KeyboardInterrupt:
        print("khabar: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
