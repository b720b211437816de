using Emergency.Host;

var app = PlatformApp.Build(args, ModuleRegistry.Modules);
await app.InitializeAsync();
await app.RunAsync();

/// <summary>Entry point; public for test hosts.</summary>
public partial class Program;
