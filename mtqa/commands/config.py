"""`mtqa config`: print the configuration a `check` with the same options would use."""
from __future__ import annotations

import click

from mtqa.cli import _audit_options, _settings, main
from mtqa.finding import SEVERITIES


@main.command("config")
@click.option("--fail-on", type=click.Choice(list(SEVERITIES) + ["never"]), default=None,
              help="As for `mtqa check`.")
@_audit_options
def show_config(fail_on, **kw):
    """Print the merged configuration (TOML, with origins).

    Defaults, the configuration file (found from the working folder up, or --config) and
    these options, each value commented with where it came from. The output is a valid
    mtqa.toml. See docs/config.md."""
    click.echo(_settings(fail_on=fail_on, **kw).to_toml(), nl=False)
