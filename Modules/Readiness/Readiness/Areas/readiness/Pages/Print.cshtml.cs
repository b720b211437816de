using Emergency.Readiness.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Readiness.Areas.readiness.Pages;

/// <summary>The board for a meeting: the same rows, trend and charts on a plain A4 landscape page.</summary>
internal sealed class PrintModel(ReadinessAccess access, Board board, TimeProvider clock) : PageModel
{
    public BoardView View { get; private set; } = null!;

    /// <summary>The board's rendered HTML is cached under this key (<see cref="Board.RenderKey"/>).</summary>
    public string RenderKey { get; private set; } = "";

    public DateTime PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.SeesWholeCounty)
        {
            return NotFound();
        }

        RenderKey = board.RenderKey();
        View = await board.ReadAsync(null, cancellationToken);
        PrintedAt = BuildingBlocks.Clock.ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}
