using System;
using System.Text;

namespace ModelDsl.Generators.Emitters;

/// <summary>
/// Text writer for generated C#: tracks indentation and always writes "\n" line endings, so output
/// is identical on every operating system.
/// </summary>
internal sealed class IndentedWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder builder = new StringBuilder();
    private int depth;
    private bool atLineStart = true;

    /// <summary>Writes text on the current line, indenting it first if the line is empty.</summary>
    public IndentedWriter Write(string text)
    {
        if (atLineStart && text.Length > 0)
        {
            for (var i = 0; i < depth; i++)
            {
                builder.Append(IndentUnit);
            }

            atLineStart = false;
        }

        builder.Append(text);
        return this;
    }

    /// <summary>Writes one line; an empty call writes a blank line without trailing spaces.</summary>
    public IndentedWriter WriteLine(string text = "")
    {
        if (text.Length > 0)
        {
            Write(text);
        }

        builder.Append('\n');
        atLineStart = true;
        return this;
    }

    /// <summary>Writes <c>{</c>, then indents until the returned scope is disposed, which writes <c>}</c>.</summary>
    public Block OpenBlock(string? trailer = null)
    {
        WriteLine("{");
        depth++;
        return new Block(this, trailer);
    }

    /// <summary>Indents the following lines one level until the returned scope is disposed.</summary>
    public Indentation Indent()
    {
        depth++;
        return new Indentation(this);
    }

    /// <inheritdoc />
    public override string ToString() => builder.ToString();

    /// <summary>Scope of a braced block.</summary>
    public readonly struct Block : IDisposable
    {
        private readonly IndentedWriter writer;
        private readonly string? trailer;

        internal Block(IndentedWriter writer, string? trailer)
        {
            this.writer = writer;
            this.trailer = trailer;
        }

        /// <summary>Closes the block.</summary>
        public void Dispose()
        {
            writer.depth--;
            writer.WriteLine("}" + trailer);
        }
    }

    /// <summary>Scope of one extra indentation level.</summary>
    public readonly struct Indentation : IDisposable
    {
        private readonly IndentedWriter writer;

        internal Indentation(IndentedWriter writer)
        {
            this.writer = writer;
        }

        /// <summary>Ends the extra indentation.</summary>
        public void Dispose() => writer.depth--;
    }
}
