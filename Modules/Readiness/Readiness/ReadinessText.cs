namespace Emergency.Readiness;

/// <summary>Marker for the module's UI strings (Resources/ReadinessText.tsv → .resx).</summary>
internal sealed class ReadinessText;
