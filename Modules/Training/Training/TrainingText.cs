namespace Emergency.Training;

/// <summary>Marker for the module's UI strings (Resources/TrainingText.tsv → .resx).</summary>
internal sealed class TrainingText;
