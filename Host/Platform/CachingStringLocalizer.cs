using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Emergency.Host.Platform;

/// <summary>
/// The UI's text lookups, remembered per language. A page looks up dozens of texts (labels, option names, one per
/// row and column), and each lookup through <see cref="ResourceManagerStringLocalizer"/> takes the resource manager's
/// lock: under load the requests queued on it (issue #16, profile of the experts search). The resource files do not
/// change while the app runs, so a text once found is kept.
/// </summary>
internal sealed class CachingStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory inner = new(options, loggers);
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, t => new CachingStringLocalizer(inner.Create(t)));

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd((baseName, location), k => new CachingStringLocalizer(inner.Create(k.BaseName, k.Location)));
}

/// <summary>One resource's texts per UI culture; formatted texts are formatted from the kept template at each call.</summary>
internal sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    /// <summary>Names come from code, not from users; the bound only guards against a page that would make them up.</summary>
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> texts = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (texts.TryGetValue(key, out var text))
            {
                return text;
            }

            text = inner[name];
            if (texts.Count < MaxEntries)
            {
                texts.TryAdd(key, text);
            }

            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, template.Value, arguments), template.ResourceNotFound, template.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
