"""Git plumbing on a fetched snapshot of a public repository (a bare git directory, as the
``fetch`` tool gives it), shared by the data derivation scripts in this folder."""

from __future__ import annotations

import subprocess


def git(git_dir: str, *args: str) -> str:
    """The standard output of ``git --git-dir GIT_DIR ARGS...`` (raises on failure)."""
    return subprocess.run(
        ["git", "--git-dir", git_dir, *args], capture_output=True, text=True, check=True
    ).stdout


def show(git_dir: str, commit: str, path: str) -> str:
    """The text of ``path`` at ``commit``."""
    return git(git_dir, "show", f"{commit}:{path}")
