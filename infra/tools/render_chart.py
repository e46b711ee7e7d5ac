"""Render a Helm chart offline and print {template path: manifest} as JSON.

Runs in the infra-tools environment (helm-python-sdk: Helm's own Go library, no cluster
contacted). tests/infra call it for each set of values they check.

    python render_chart.py CHART_DIR [VALUES_JSON] [--release NAME] [--namespace NS]
"""

from __future__ import annotations

import argparse
import json
import sys

from helm_python.chart import Chart


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("chart")
    parser.add_argument("values", nargs="?", default="{}", help="values as a JSON object")
    parser.add_argument("--release", default="financials")
    parser.add_argument("--namespace", default="financials")
    args = parser.parse_args()
    chart = Chart.load(args.chart)
    manifests = chart.render(
        json.loads(args.values), name=args.release, namespace=args.namespace, is_install=True
    )
    json.dump(manifests, sys.stdout)


if __name__ == "__main__":
    main()
