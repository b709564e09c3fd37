namespace AIOps.Travel.Load;

/// <summary>What a visitor came to do.</summary>
public enum JourneyKind
{
    /// <summary>One or two searches, then leaves.</summary>
    Browse,

    /// <summary>Search, then a priced quote.</summary>
    Quote,

    /// <summary>Search, quote, book and pay, then look the booking up.</summary>
    Book,

    /// <summary>Lists the user's bookings and opens one.</summary>
    LookUp,
}
