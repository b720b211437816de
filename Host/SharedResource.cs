namespace Emergency.Host;

/// <summary>Marker for the Host's shared UI strings (Resources/SharedResource*.resx).</summary>
public sealed class SharedResource;
