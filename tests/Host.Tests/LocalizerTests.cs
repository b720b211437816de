using System.Globalization;
using Emergency.Host.Platform;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>The UI texts are kept per language once found (issue #16): a page in English never shows a kept Chinese text.</summary>
public sealed class LocalizerTests : PlatformTest
{
    [Fact]
    public async Task Texts_are_kept_per_language_and_formatted_with_each_calls_arguments()
    {
        await using var app = await StartAsync();
        var factory = app.Services.GetRequiredService<IStringLocalizerFactory>();
        factory.Should().BeOfType<CachingStringLocalizerFactory>();
        var texts = factory.Create(typeof(SharedResource));
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
            var chinese = texts["AppTitle"].Value;
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
            var english = texts["AppTitle"].Value;
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");

            chinese.Should().NotBe(english, "each language has its own text");
            texts["AppTitle"].Value.Should().Be(chinese, "the kept Chinese text, not the English one read last");
            factory.Create(typeof(SharedResource)).Should().BeSameAs(texts, "one localizer per resource");
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void A_kept_template_is_formatted_with_the_arguments_of_each_call()
    {
        var inner = new CountingLocalizer();
        var texts = new CachingStringLocalizer(inner);
        texts["Total", 3].Value.Should().Be("共 3 项");
        texts["Total", 12].Value.Should().Be("共 12 项");
        inner.Lookups.Should().Be(1, "the template was read once");
        texts["Missing"].ResourceNotFound.Should().BeTrue();
    }

    private sealed class CountingLocalizer : IStringLocalizer
    {
        public int Lookups { get; private set; }

        public LocalizedString this[string name]
        {
            get
            {
                Lookups++;
                return name == "Total" ? new LocalizedString(name, "共 {0} 项") : new LocalizedString(name, name, resourceNotFound: true);
            }
        }

        public LocalizedString this[string name, params object[] arguments] => throw new NotSupportedException();

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
