/// Forecast models of signals (seasonal Holt-Winters, linear trend): pure math, no I/O.
public enum ForecastModule {}
