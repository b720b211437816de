namespace Emergency.Experts;

/// <summary>Marker for the module's UI strings (Resources/ExpertsText.tsv → .resx).</summary>
internal sealed class ExpertsText;
