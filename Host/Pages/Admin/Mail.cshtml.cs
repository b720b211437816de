using Emergency.BuildingBlocks.Email.Data;
using Emergency.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Host.Pages.Admin;

/// <summary>The mail queue: what was sent, what waits for a retry, and what failed for good.</summary>
internal sealed class MailModel(StoreCatalog stores) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public MailStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<MailMessage> Messages { get; private set; } = [];

    public IReadOnlyDictionary<MailStatus, int> Counts { get; private set; } = new Dictionary<MailStatus, int>();

    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        await using var mail = (MailDbContext)stores.Open(StoreKey.Platform(MailDbContext.StoreName));
        Counts = await mail.Messages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var query = mail.Messages.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        var page = await query.OrderByDescending(m => m.CreatedAtUtc)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasNext = page.Count > PageSize;
        Messages = page.Take(PageSize).ToList();
    }
}
