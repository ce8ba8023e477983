#!/usr/bin/env python3
"""Measures the "smaller API": for each sample and environment, the lines of
Cairn a developer writes (samples/NAME/main.cairn and its values file) against
the lines of YAML it emits (samples/NAME/expected/ENV.yaml, the committed
output that the e2e test `e2e_samples` keeps equal to a fresh build).

Lines are counted without blank lines and comments (`//` and `#` lines, YAML
`---` separators), so that documentation does not flatter the ratio.

    scripts/api-ratio.py [--markdown] [--min RATIO] [SAMPLES_DIR]

`--min RATIO` exits 1 when a sample that imports the building blocks
(`blocks/v1`) emits fewer than RATIO YAML lines per Cairn line.
"""
import argparse
import pathlib
import re
import sys

COMMENT_CAIRN = re.compile(r"^\s*(//|/\*|\*)")
COMMENT_YAML = re.compile(r"^\s*#")


def cairn_lines(path: pathlib.Path) -> int:
    """Non-blank, non-comment lines of a Cairn file."""
    return sum(1 for line in path.read_text().splitlines()
               if line.strip() and not COMMENT_CAIRN.match(line))


def yaml_lines(path: pathlib.Path) -> int:
    """Non-blank lines of a YAML file, without comments and `---`."""
    return sum(1 for line in path.read_text().splitlines()
               if line.strip() and line.strip() != "---" and not COMMENT_YAML.match(line))


def measure(samples: pathlib.Path):
    """(sample, env, uses blocks, cairn lines, yaml lines) for every build of every sample."""
    rows = []
    for main in sorted(samples.glob("*/main.cairn")):
        sample = main.parent
        uses_blocks = '"blocks/v1"' in main.read_text()
        envs = sorted((sample / "env").glob("*.yaml")) or [None]
        for env in envs:
            name = env.stem if env else "default"
            expected = sample / "expected" / f"{name}.yaml"
            if not expected.exists():
                continue
            source = cairn_lines(main) + (yaml_lines(env) if env else 0)
            rows.append((sample.name, name, uses_blocks, source, yaml_lines(expected)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", nargs="?", default=pathlib.Path(__file__).parent.parent / "samples",
                        type=pathlib.Path)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--min", type=float, default=None,
                        help="fail when a blocks sample's ratio is below this")
    args = parser.parse_args()

    rows = measure(args.samples)
    if not rows:
        print(f"api-ratio: no samples with expected output in {args.samples}", file=sys.stderr)
        return 2
    if args.markdown:
        print("| sample | environment | blocks | Cairn lines | YAML lines | ratio |")
        print("| --- | --- | --- | ---: | ---: | ---: |")
    failed = []
    for sample, env, blocks, source, output in rows:
        ratio = output / source
        if args.markdown:
            print(f"| `{sample}` | {env} | {'yes' if blocks else 'no'} | {source} | {output} | {ratio:.1f}x |")
        else:
            print(f"{sample:16} {env:8} {'blocks' if blocks else 'k8s':6} {source:5} {output:6} {ratio:6.1f}x")
        if args.min is not None and blocks and ratio < args.min:
            failed.append(f"{sample} ({env}): {ratio:.1f}x")
    if failed:
        print(f"api-ratio: below {args.min}x: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
