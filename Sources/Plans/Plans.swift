/// The plan language: strict YAML decoding, semantic validation, diagnostics with file:line:col.
public enum PlansModule {}
