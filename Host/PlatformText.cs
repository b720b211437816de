namespace Emergency.Host;

/// <summary>Marker for the platform admin pages' UI strings (Resources/PlatformText*.resx, from PlatformText.tsv).</summary>
public sealed class PlatformText;
