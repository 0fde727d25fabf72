/// Erlang B, C and A staffing math: pure functions, no I/O.
public enum StaffingModule {}
