using Emergency.BuildingBlocks.Notices;
using Emergency.Host.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Host.Pages.Notices;

/// <summary>站内通知: the user's and the user's unit's notices, newest first; read marks; how they are mailed.</summary>
internal sealed class IndexModel(NoticeInbox inbox) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public bool HasNext { get; private set; }

    public bool HasInbox => inbox.HasInbox;

    public string UserKey => inbox.UserKey;

    public string? UnitKey => inbox.UnitKey;

    public NoticeDelivery? Mine { get; private set; }

    public NoticeDelivery? Unit { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        if (!inbox.HasInbox)
        {
            return;
        }

        (Items, HasNext) = await inbox.ListAsync(PageNumber, cancellationToken);
        Mine = await inbox.PreferenceAsync(inbox.UserKey, cancellationToken);
        Unit = inbox.UnitKey is { } unit ? await inbox.PreferenceAsync(unit, cancellationToken) : null;
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(id, cancellationToken) ? RedirectToPage(new { p = PageNumber }) : NotFound();

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(cancellationToken);
        Message = "NoticeMarkedAllRead";
        return RedirectToPage();
    }

    /// <summary>target: "self" or "unit"; mode: "Default", "Each" or "Digest".</summary>
    public async Task<IActionResult> OnPostDeliveryAsync(string? target, string? mode, CancellationToken cancellationToken)
    {
        var key = target == "unit" ? inbox.UnitKey : inbox.UserKey;
        NoticeDelivery? delivery = Enum.TryParse<NoticeDelivery>(mode, out var chosen) && Enum.IsDefined(chosen) ? chosen : null;
        if (key is null || (delivery is null && mode != "Default") || !await inbox.SetPreferenceAsync(key, delivery, cancellationToken))
        {
            return BadRequest();
        }

        Message = "NoticeDeliverySaved";
        return RedirectToPage();
    }
}
