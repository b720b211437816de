namespace Emergency.BuildingBlocks.Paging;

/// <summary>
/// A list page's pager, drawn by the shared partial <c>_Pager</c>: the first and last page, a window of pages around
/// the current one, and previous/next — never one link per page, which for a county's 200,000 rows would be 10,000
/// links on every request.
/// </summary>
/// <param name="PageNumber">The page shown (1-based).</param>
/// <param name="Pages">How many pages the filter has.</param>
/// <param name="Page">The Razor page the links go to (e.g. <c>/Stock/Index</c> in the module's area).</param>
/// <param name="Route">The route values of page n: the filter and the page number.</param>
public sealed record Pager(int PageNumber, int Pages, string Page, Func<int, IDictionary<string, string>> Route)
{
    private const int Around = 3;

    /// <summary>The page numbers to link, in order; a 0 stands for a gap (…).</summary>
    public IReadOnlyList<int> Links()
    {
        var from = Math.Max(1, PageNumber - Around);
        var to = Math.Min(Pages, PageNumber + Around);
        var links = new List<int>();
        if (from > 1)
        {
            links.Add(1);
            if (from > 2)
            {
                links.Add(0);
            }
        }

        for (var n = from; n <= to; n++)
        {
            links.Add(n);
        }

        if (to < Pages)
        {
            if (to < Pages - 1)
            {
                links.Add(0);
            }

            links.Add(Pages);
        }

        return links;
    }
}
