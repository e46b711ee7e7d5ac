"""Charts from one annotation model (`ChartSpec`): a static PNG and an interactive Plotly figure.

Pure like the rest of `analysis`: data in, bytes or a figure out. Import the renderer you
need (`analysis.charts.static` or `analysis.charts.interactive`); this package itself stays
light so importing the spec pulls in neither matplotlib nor plotly.
"""

from analysis.charts.spec import ChartSpec, LayerName, build_chart_spec

__all__ = ["ChartSpec", "LayerName", "build_chart_spec"]
