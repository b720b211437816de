namespace Emergency.Enforcement;

/// <summary>Marker for the module's UI strings (Resources/EnforcementText.tsv → .resx).</summary>
internal sealed class EnforcementText;
