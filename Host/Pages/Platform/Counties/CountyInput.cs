using System.Globalization;
using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Modules;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Platform.Counties;

/// <summary>The county form (create and edit). Strings are nullable so that MVC adds no English "required" messages of its own.</summary>
internal sealed class CountyInput
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>行政区划代码; only read on create.</summary>
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? TimeZone { get; set; } = DefaultTimeZone;

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public bool Active { get; set; } = true;

    public List<string> Modules { get; set; } = [];

    public static CountyInput From(Emergency.Host.Platform.Data.County county) => new()
    {
        Code = county.Code,
        Name = county.Name,
        TimeZone = county.TimeZone,
        ContactName = county.ContactName,
        ContactPhone = county.ContactPhone,
        Active = county.Active,
        Modules = county.Modules.Select(m => m.Module).ToList(),
    };

    /// <summary>Copies the checked fields onto the entity (not the code, not the modules).</summary>
    public void ApplyTo(Emergency.Host.Platform.Data.County county)
    {
        county.Name = Name!.Trim();
        county.TimeZone = TimeZone!.Trim();
        county.ContactName = Blank(ContactName);
        county.ContactPhone = Blank(ContactPhone);
        county.Active = Active;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The rules of the county form, shared by the create and edit pages; messages go beside the fields.</summary>
internal static class CountyRules
{
    public const int MaxName = 50;
    public const int MaxContactName = 50;
    public const int MaxPhone = 30;

    public static bool IsCountyCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    /// <summary>Checks everything but the code; module names not in the catalog are refused.</summary>
    public static void Validate(CountyInput input, ModelStateDictionary state, IStringLocalizer text, ModuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            state.AddModelError("Input.Name", text["CountyNameRequired"]);
        }
        else if (name.Length > MaxName)
        {
            state.AddModelError("Input.Name", text["TooLong", MaxName]);
        }

        var zone = input.TimeZone?.Trim() ?? "";
        if (zone.Length == 0)
        {
            state.AddModelError("Input.TimeZone", text["TimeZoneRequired"]);
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            state.AddModelError("Input.TimeZone", text["TimeZoneUnknown", zone]);
        }

        if ((input.ContactName?.Trim().Length ?? 0) > MaxContactName)
        {
            state.AddModelError("Input.ContactName", text["TooLong", MaxContactName]);
        }

        var phone = input.ContactPhone?.Trim() ?? "";
        if (phone.Length > MaxPhone)
        {
            state.AddModelError("Input.ContactPhone", text["TooLong", MaxPhone]);
        }
        else if (phone.Length > 0 && (!phone.Any(char.IsAsciiDigit) || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')' or '转')))
        {
            state.AddModelError("Input.ContactPhone", text["PhoneInvalid"]);
        }

        input.Modules = input.Modules.Where(m => !string.IsNullOrEmpty(m)).Distinct(StringComparer.Ordinal).ToList();
        if (input.Modules.FirstOrDefault(m => catalog.Find(m) is null) is { } unknown)
        {
            state.AddModelError("Input.Modules", text["ModuleUnknown", unknown]);
        }
    }
}

/// <summary>The county header and tabs of the county pages; <paramref name="Current"/> is the page's tab (Edit, Tree, Departments).</summary>
internal sealed record CountyNav(string Code, string Name, string Current);

/// <summary>Helpers shared by the platform pages.</summary>
internal static class PlatformPages
{
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>A module's name in the user's language.</summary>
    public static string ModuleName(ModuleDefinition module) => English ? module.DisplayNameEn : module.DisplayName;

    public static string ModuleName(ModuleCatalog catalog, string name) => catalog.Find(name) is { } module ? ModuleName(module) : name;
}
