namespace Emergency.Plans;

/// <summary>Marker for the module's UI strings (Resources/PlansText.tsv → .resx).</summary>
internal sealed class PlansText;
