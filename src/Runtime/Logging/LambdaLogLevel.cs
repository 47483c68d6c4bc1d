namespace DrLambdas.Runtime.Logging;

/// <summary>Log levels, named and ordered as Lambda's advanced logging controls name them.</summary>
public enum LambdaLogLevel
{
    /// <summary>TRACE.</summary>
    Trace = 0,

    /// <summary>DEBUG.</summary>
    Debug = 1,

    /// <summary>INFO.</summary>
    Info = 2,

    /// <summary>WARN.</summary>
    Warn = 3,

    /// <summary>ERROR.</summary>
    Error = 4,

    /// <summary>FATAL.</summary>
    Fatal = 5,
}
