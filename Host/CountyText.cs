namespace Emergency.Host;

/// <summary>Marker for the UI strings of the county, security and audit admin pages (Resources/CountyText*.resx).</summary>
public sealed class CountyText;
