using System.Reflection;
using Emergency.Enforcement;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests.Enforcement;

/// <summary>The GB 32100-2015 check of the module's Domain class, called directly (the class is internal to the module).</summary>
public sealed class CreditCodeTests
{
    private static readonly MethodInfo IsValid = typeof(EnforcementModule).Assembly
        .GetType("Emergency.Enforcement.Domain.CreditCode", throwOnError: true)!
        .GetMethod("IsValid", BindingFlags.Public | BindingFlags.Static)!;

    private static bool Valid(string? code) => (bool)IsValid.Invoke(null, [code])!;

    [Theory]
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("9144030071526726XG")] // 腾讯科技（深圳）有限公司
    [InlineData("91330100799655058B")] // 阿里巴巴（中国）有限公司
    [InlineData("91110000710926094P")] // 中国石油化工股份有限公司
    [InlineData("91110108551385082Q")] // 小米科技有限责任公司
    [InlineData(" 9144030071526726xg ")] // as typed: spaces, lower case
    public void Published_codes_are_valid(string code) => Valid(code).Should().BeTrue();

    [Fact]
    public void Codes_computed_by_the_algorithm_are_valid_and_every_other_check_character_is_not()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        foreach (var first17 in new[] { "91450999MA5KQ0001", "92450999MA5KQ0008", "12450999000000000", "91450999MA5TE0042" })
        {
            var code = EnforcementTest.Code(first17);
            Valid(code).Should().BeTrue(code);
            foreach (var other in alphabet.Where(c => c != code[17]))
            {
                Valid(first17 + other).Should().BeFalse(first17 + other);
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91330100799655058")] // 17 characters
    [InlineData("91330100799655058BB")] // 19
    [InlineData("9133010079965505IB")] // I is not in the set
    [InlineData("91330100799655O58B")] // O is not in the set
    [InlineData("91330100799655058C")] // wrong check character
    [InlineData("91330100799665058B")] // one digit changed
    [InlineData("91330100799565058B")] // two digits swapped
    public void Malformed_or_mistyped_codes_are_refused(string? code) => Valid(code).Should().BeFalse();
}
