using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Emergency.Teams.Areas.teams.Pages;

/// <summary>
/// Numbers the model binder could not read (“很多”, “23,1”): the binder leaves the property null and records an
/// English error; this replaces it with the field's Chinese message so the form is refused, not saved without it.
/// </summary>
internal static class FormNumbers
{
    public const string Latitude = "纬度应在 3 至 54 之间（中国境内，单位：度）";

    public const string Longitude = "经度应在 73 至 136 之间（中国境内，单位：度）";

    /// <summary>True when any of <paramref name="fields"/> (name → message, under "Input.") failed to bind.</summary>
    public static bool Unreadable(ModelStateDictionary state, params (string Field, string Message)[] fields)
    {
        ArgumentNullException.ThrowIfNull(state);
        var any = false;
        foreach (var (field, message) in fields)
        {
            if (state["Input." + field] is { Errors.Count: > 0 } entry)
            {
                entry.Errors.Clear();
                state.AddModelError("Input." + field, message);
                any = true;
            }
        }

        return any;
    }

    public static bool UnreadableCoordinates(ModelStateDictionary state) =>
        Unreadable(state, ("Latitude", Latitude), ("Longitude", Longitude));
}
