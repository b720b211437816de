using Emergency.BuildingBlocks.Paging;
using FluentAssertions;
using Xunit;

namespace Emergency.Host.Tests;

/// <summary>The shared pager of the list pages: a window around the current page, never one link per page.</summary>
public sealed class PagerTests
{
    private static Pager Of(int page, int pages) => new(page, pages, "/Index", n => new Dictionary<string, string> { ["p"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public void A_ledger_of_ten_thousand_pages_links_the_first_the_last_and_the_pages_around_the_current_one()
    {
        Of(500, 10_000).Links().Should().Equal(1, 0, 497, 498, 499, 500, 501, 502, 503, 0, 10_000);
    }

    [Fact]
    public void Near_either_end_no_gap_is_shown_where_there_is_none()
    {
        Of(1, 10).Links().Should().Equal(1, 2, 3, 4, 0, 10);
        Of(9, 10).Links().Should().Equal(1, 0, 6, 7, 8, 9, 10);
        Of(2, 5).Links().Should().Equal(1, 2, 3, 4, 5);
    }
}
