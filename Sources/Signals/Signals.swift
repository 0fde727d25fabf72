/// Load signals: sources polled on a schedule or pushed, a bounded history per signal, staleness and health.
public enum SignalsModule {}
