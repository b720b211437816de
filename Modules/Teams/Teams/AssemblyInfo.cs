using System.Resources;
using Microsoft.Extensions.Localization;

// Chinese is the neutral language: English is the satellite.
[assembly: NeutralResourcesLanguage("zh-CN")]
[assembly: RootNamespace("Emergency.Teams")]
namespace Emergency.Teams;

/// <summary>Marker for the module's UI strings (Resources/TeamsText.tsv → .resx).</summary>
internal sealed class TeamsText;
