// Tokens of the Cairn language. The parser grammar (CairnParser.g4) is the
// single definition of the syntax; docs/language.md explains it for users.
lexer grammar CairnLexer;

options { superClass = CairnLexerBase; }

@lexer::header { #include "frontend/lexer_base.h" }

// Keywords. Object keys and member names may still be keywords (`x.type`,
// `type = "ClusterIP"`): see `name` in the parser grammar.
IMPORT  : 'import';
AS      : 'as';
PARAM   : 'param';
LET     : 'let';
FN      : 'fn';
TYPE    : 'type';
SCHEMA  : 'schema';
EXTENDS : 'extends';
CHECK   : 'check';
EMIT    : 'emit';
IF      : 'if';
THEN    : 'then';
ELSE    : 'else';
FOR     : 'for';
IN      : 'in';
WITH    : 'with';
TRUE    : 'true';
FALSE   : 'false';
NULL_   : 'null';
POLICY  : 'policy';

// Braces push and pop modes so that `}` closes a `${ ... }` interpolation.
// CairnLexerBase::popMode ignores an unbalanced `}` instead of throwing.
LBRACE   : '{' -> pushMode(DEFAULT_MODE);
RBRACE   : '}' -> popMode;
LBRACK   : '[';
RBRACK   : ']';
LPAREN   : '(';
RPAREN   : ')';
COMMA    : ',';
DOTDOT   : '..';
QDOT     : '?.';
QQ       : '??';
DOT      : '.';
COLON    : ':';
ARROW    : '->';
FATARROW : '=>';
EQEQ     : '==';
NEQ      : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
ANDAND   : '&&';
OROR     : '||';
ASSIGN   : '=';
QUESTION : '?';
PIPE     : '|';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
PERCENT  : '%';
BANG     : '!';

// A regular expression literal is only possible right after `(` or `,`
// (as in `string(/^[a-z]+$/)`), where `/` can never be division.
// It cannot start with `*` or `/`, which begin comments.
// The predicate is at the end on purpose: at the start of a rule ANTLR would
// see it in the lexer's start state, which then can never be cached in the
// DFA, and every token would be lexed through the full ATN (10x slower).
REGEX : '/' (~[/*\\\r\n] | '\\' ~[\r\n]) (~[/\\\r\n] | '\\' ~[\r\n])* '/' {regexAllowed()}?;
SLASH : '/';

FLOAT : DIGITS '.' DIGITS EXPONENT? | DIGITS EXPONENT;
INT   : DIGITS | '0x' [0-9a-fA-F]+ ('_'? [0-9a-fA-F]+)*;
fragment DIGITS   : [0-9]+ ('_' [0-9]+)*;
fragment EXPONENT : [eE] [+-]? [0-9]+;

IDENT : [a-zA-Z_] [a-zA-Z0-9_]*;

TRIPLE_OPEN : '"""' -> pushMode(MSTR);
STR_OPEN    : '"' -> pushMode(STR);

DOC_COMMENT   : '///' ~[\r\n]* -> channel(HIDDEN);
LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
// A comment that runs to the end of the file; reported as E0109.
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF -> channel(HIDDEN);
WS            : [ \t\r\n]+ -> channel(HIDDEN);

// Anything else becomes one token the parser reports as "unexpected character".
BAD_CHAR : .;

mode STR;
STR_CLOSE   : '"' -> popMode;
STR_INTERP  : '${' -> pushMode(DEFAULT_MODE);
STR_ESCAPE  : '\\' ('u{' [0-9a-fA-F]+ '}' | ~[\r\n]);
STR_TEXT    : ~["\\$\r\n]+ | '$';
STR_NEWLINE : [\r\n] -> popMode;   // an unterminated string (E0102); lexing goes on after it

mode MSTR;
TRIPLE_CLOSE : '"""' -> popMode;
MSTR_INTERP  : '${' -> pushMode(DEFAULT_MODE);
MSTR_ESCAPE  : '\\' ('u{' [0-9a-fA-F]+ '}' | .);
MSTR_TEXT    : ~["\\$]+ | '$' | '"' | '""';
