using System.Resources;
using Microsoft.Extensions.Localization;

// Chinese is the neutral language: English is the satellite.
[assembly: NeutralResourcesLanguage("zh-CN")]
[assembly: RootNamespace("Emergency.Readiness")]
