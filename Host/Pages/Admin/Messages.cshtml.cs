using Emergency.BuildingBlocks.Events;
using Emergency.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Emergency.Host.Pages.Admin;

internal sealed record ParkedMessage(StoreKey Store, OutboxMessage Message);

/// <summary>Events whose delivery failed too often: kept, shown here, and delivered again on request.</summary>
internal sealed class MessagesModel(StoreCatalog stores, OutboxDispatcher dispatcher, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<ParkedMessage> Parked { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var parked = new List<ParkedMessage>();
        foreach (var key in await stores.AllKeysAsync(cancellationToken))
        {
            await using var store = stores.Open(key);
            var rows = await store.OutboxMessages.AsNoTracking().Where(m => m.ParkedAtUtc != null)
                .OrderBy(m => m.OccurredAtUtc).Take(200).ToListAsync(cancellationToken);
            parked.AddRange(rows.Select(m => new ParkedMessage(key, m)));
        }

        Parked = parked;
    }

    /// <summary>Un-parks every parked message (or one) and delivers at once.</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid? id, CancellationToken cancellationToken)
    {
        var retried = 0;
        var touched = new List<StoreKey>();
        foreach (var key in await stores.AllKeysAsync(cancellationToken))
        {
            await using var store = stores.Open(key);
            var count = await store.OutboxMessages
                .Where(m => m.ParkedAtUtc != null && (id == null || m.Id == id))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ParkedAtUtc, (DateTime?)null)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAtUtc, (DateTime?)null), cancellationToken);
            if (count > 0)
            {
                retried += count;
                touched.Add(key);
            }
        }

        await dispatcher.DispatchAsync(touched, cancellationToken);
        Notice = localizer["RetryQueued", retried];
        return RedirectToPage();
    }
}
