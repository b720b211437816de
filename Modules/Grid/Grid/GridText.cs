namespace Emergency.Grid;

/// <summary>Marker for the module's UI strings (Resources/GridText.tsv → .resx).</summary>
internal sealed class GridText;
