using System.Globalization;
using Emergency.BuildingBlocks.Hosting;
using Emergency.BuildingBlocks.Settings;
using Emergency.Host.Access;
using Emergency.Host.Platform;
using Emergency.Host.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.County;

/// <summary>One setting on the page: what the county has now (or typed), its default and any message.</summary>
internal sealed record SettingField(SettingDefinition Definition, string Value, bool Changed, string? Error)
{
    /// <summary>The form field's name: the setting's key.</summary>
    public string Name => Definition.Key;

    public string Unit => Definition is IntSetting number ? number.Unit : "";
}

internal sealed record SettingGroup(string Name, IReadOnlyList<SettingField> Fields);

/// <summary>
/// The county's rules (team sizes, training days, lead times, its SMTP server) and every module's
/// own settings, each with its documented default. Only values that differ from the default are
/// stored; a secret is never sent back to the browser, and an empty secret field keeps it.
/// </summary>
internal sealed class SettingsModel(
    PlatformDbContext db,
    ModuleCatalog catalog,
    SettingSecrets secrets,
    CountySmtpSettings smtp,
    IStringLocalizer<CountyText> text) : PageModel
{
    /// <summary>The name of the check box that empties a secret.</summary>
    public const string ClearPrefix = "clear:";

    public IReadOnlyList<SettingGroup> Groups { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    private string County => User.County()!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(cancellationToken);
        Groups = Group(SettingValues.All(catalog).Select(d => Field(d, stored, typed: null, error: null)));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var definitions = SettingValues.All(catalog);
        var rows = await db.CountySettings.Where(s => s.CountyCode == County).ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
        var stored = rows.ToDictionary(r => r.Key, r => r.Value.Value, StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = new Dictionary<SettingDefinition, string>();
        foreach (var definition in definitions)
        {
            if (Typed(definition) is not { } value)
            {
                continue;
            }

            if ((definition.Validate(value) ?? ExtraCheck(definition, value)) is { } error)
            {
                errors[definition.Key] = error;
                continue;
            }

            wanted[definition] = definition is IntSetting number ? number.Parse(value).ToString(CultureInfo.InvariantCulture) : value;
        }

        if (errors.Count > 0)
        {
            // Nothing is saved while any field is wrong; the page shows what was typed, with the message beside it.
            Problem = text["FixErrors"];
            Groups = Group(definitions.Select(d => Field(d, stored, Typed(d), errors.GetValueOrDefault(d.Key))));
            return Page();
        }

        var changed = 0;
        foreach (var (definition, value) in wanted)
        {
            var row = rows.GetValueOrDefault(definition.Key);
            if (value == definition.DefaultText)
            {
                if (row is not null)
                {
                    db.CountySettings.Remove(row);
                    changed++;
                }

                continue;
            }

            if (row is not null && SettingValues.Effective(definition, row.Value, secrets) == value)
            {
                continue;
            }

            var storedValue = definition.Secret ? secrets.Protect(value) : value;
            if (row is null)
            {
                db.CountySettings.Add(new CountySetting { CountyCode = County, Key = definition.Key, Value = storedValue });
            }
            else
            {
                row.Value = storedValue;
            }

            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        smtp.Invalidate(County);
        Notice = changed == 0 ? text["NothingChanged"] : text["SettingsSaved", changed];
        return RedirectToPage();
    }

    /// <summary>
    /// What the form sent for a setting, trimmed; null when it is to stay as it is: the field was
    /// not sent, or it is a secret left empty. A ticked "clear" box empties a secret.
    /// </summary>
    private string? Typed(SettingDefinition definition)
    {
        var form = Request.HasFormContentType ? Request.Form : null;
        if (form is null)
        {
            return null;
        }

        if (definition.Secret)
        {
            if (form[ClearPrefix + definition.Key].Contains("true"))
            {
                return definition.DefaultText;
            }

            var secret = form[definition.Key].ToString();
            return secret.Length == 0 ? null : secret;
        }

        return form.TryGetValue(definition.Key, out var value) ? value.ToString().Trim() : null;
    }

    /// <summary>What the definitions cannot say themselves: the sender must be a mail address the SMTP server accepts.</summary>
    private string? ExtraCheck(SettingDefinition definition, string value) =>
        definition.Key == CountySettingKeys.SmtpFromAddress.Key && value.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(value, out _)
            ? text["BadFromAddress"].Value
            : null;

    private async Task<Dictionary<string, string>> StoredAsync(CancellationToken cancellationToken) =>
        await db.CountySettings.AsNoTracking().Where(s => s.CountyCode == County)
            .ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, cancellationToken);

    private SettingField Field(SettingDefinition definition, Dictionary<string, string> stored, string? typed, string? error)
    {
        var isStored = stored.TryGetValue(definition.Key, out var raw);
        if (definition.Secret)
        {
            // Only whether a secret is set ever reaches the page, never the secret.
            return new SettingField(definition, "", isStored, error);
        }

        return new SettingField(definition, typed ?? SettingValues.Effective(definition, raw, secrets), isStored, error);
    }

    private static List<SettingGroup> Group(IEnumerable<SettingField> fields) =>
        fields.GroupBy(f => f.Definition.Group).Select(g => new SettingGroup(g.Key, g.ToList())).ToList();
}
