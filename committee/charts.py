"""KPI progress drawn on the server: an SVG line of the measurements against the target, numbers kept."""

# The plot, and below it a band for the dates of the first measurement and the target date.
WIDTH, HEIGHT, PAD_X, PAD_Y, DATES = 320, 120, 8, 12, 18


def kpi_chart(kpi):
    """What the template needs to draw a KPI: points, the target and baseline lines, the time axis's
    dates, and the figures in words."""
    measurements = sorted(kpi.measurements.all(), key=lambda m: m.measured_on)
    values = [float(m.value) for m in measurements]
    low = min([float(kpi.baseline), float(kpi.target), *values])
    high = max([float(kpi.baseline), float(kpi.target), *values])
    span = (high - low) or 1.0
    first = measurements[0].measured_on if measurements else kpi.target_date
    # A measurement after the target date widens the axis instead of piling up at its end.
    last = max(kpi.target_date, measurements[-1].measured_on) if measurements else kpi.target_date
    days = max((last - first).days, 1)

    def x(day):
        return round(PAD_X + (WIDTH - 2 * PAD_X) * min(max((day - first).days / days, 0), 1), 1)

    def y(value):
        return round(HEIGHT - PAD_Y - (HEIGHT - 2 * PAD_Y) * (float(value) - low) / span, 1)

    points = [{"x": x(m.measured_on), "y": y(m.value), "measurement": m} for m in measurements]
    latest = measurements[-1] if measurements else None
    return {
        "kpi": kpi,
        "width": WIDTH,
        "height": HEIGHT + DATES,
        "plot_bottom": HEIGHT,
        "date_y": HEIGHT + DATES - 4,
        "points": points,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in points),
        "target_y": y(kpi.target),
        "baseline_y": y(kpi.baseline),
        "start_x": PAD_X,
        "start_date": first,
        "target_x": x(kpi.target_date),
        "target_date": kpi.target_date,
        # The target date's label ends at its tick near the right edge, else is centred on it.
        "target_anchor": "end" if x(kpi.target_date) > WIDTH * 0.7 else "middle",
        "ticks": [PAD_X, x(kpi.target_date)],
        "latest": latest,
        "progress": kpi.progress(),
    }
