"""KPI progress drawn on the server: an SVG line of the measurements against the target, numbers kept."""

WIDTH, HEIGHT, PAD_X, PAD_Y = 320, 120, 8, 12


def kpi_chart(kpi):
    """What the template needs to draw a KPI: points, the target line, and the figures in words."""
    measurements = sorted(kpi.measurements.all(), key=lambda m: m.measured_on)
    values = [float(m.value) for m in measurements]
    low = min([float(kpi.baseline), float(kpi.target), *values])
    high = max([float(kpi.baseline), float(kpi.target), *values])
    span = (high - low) or 1.0
    first = measurements[0].measured_on if measurements else kpi.target_date
    days = max((kpi.target_date - first).days, 1)

    def x(day):
        return round(PAD_X + (WIDTH - 2 * PAD_X) * min(max((day - first).days / days, 0), 1), 1)

    def y(value):
        return round(HEIGHT - PAD_Y - (HEIGHT - 2 * PAD_Y) * (float(value) - low) / span, 1)

    points = [{"x": x(m.measured_on), "y": y(m.value), "measurement": m} for m in measurements]
    latest = measurements[-1] if measurements else None
    return {
        "kpi": kpi,
        "width": WIDTH,
        "height": HEIGHT,
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "target_y": y(kpi.target),
        "baseline_y": y(kpi.baseline),
        "target_x": x(kpi.target_date),
        "latest": latest,
        "progress": kpi.progress(),
    }
