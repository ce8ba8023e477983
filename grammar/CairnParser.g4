// The syntax of Cairn. Separators between object members and schema members
// are optional commas: a member always starts with a name, so the end of the
// previous value is never ambiguous. docs/language.md is the user reference.
parser grammar CairnParser;

options { tokenVocab = CairnLexer; }

file : decl* EOF ;

// `cairn eval -e EXPR`: one expression evaluated in the scope of a module.
expressionInput : expr EOF ;

decl
  : importDecl
  | paramDecl
  | letDecl
  | fnDecl
  | typeDecl
  | schemaDecl
  | emitDecl
  | policyDecl
  ;

importDecl : IMPORT stringLiteral (AS IDENT)? ;
// `secret param NAME: T`: `secret` is a plain name, not a keyword (Kubernetes
// has fields called `secret`); the AST builder checks its spelling. No other
// declaration starts with a name, so this costs no lookahead.
paramDecl  : secretMark? PARAM IDENT COLON type (ASSIGN expr)? ;
secretMark : IDENT ;
letDecl    : LET IDENT (COLON type)? ASSIGN expr ;
fnDecl     : FN IDENT LPAREN (fnParam (COMMA fnParam)* COMMA?)? RPAREN (COLON type)? ASSIGN expr ;
fnParam    : IDENT COLON type ;
typeDecl   : TYPE IDENT ASSIGN type ;
schemaDecl : SCHEMA IDENT (EXTENDS qualifiedName)? LBRACE (schemaMember COMMA?)* RBRACE ;
emitDecl   : EMIT expr ;

// `policy "name" on Type { ... }`: `on` (and `at` in checks) are plain names,
// not keywords; the AST builder checks their spelling.
policyDecl : POLICY stringLiteral IDENT type LBRACE (policyMember COMMA?)* RBRACE ;

policyMember
  : PARAM IDENT COLON type (ASSIGN expr)?       # policyParam
  | CHECK expr (COMMA expr)? (IDENT expr)?      # policyCheck
  | IDENT ASSIGN expr                           # policySetting
  ;

schemaMember
  : key QUESTION? COLON type (ASSIGN expr)?    # schemaField
  | CHECK expr (COMMA expr)?                    # schemaCheck
  ;

qualifiedName : IDENT (DOT IDENT)? ;

// ---------------------------------------------------------------- types
type : typeTerm (PIPE typeTerm)* ;

typeTerm : typeAtom QUESTION* ;

// The result of a function type is one atom here, and the AST builder lets it
// take the `?` and `| ...` that follow (`fn(A) -> B | C` returns `B | C`).
// With `ARROW type` the grammar would be ambiguous, which costs a full-LL
// prediction at every `|` and `?` of every type (see tests/unit/frontend/sll_test.cpp).
typeAtom
  : qualifiedName refinement?                              # namedType
  | LBRACK type RBRACK                                     # listType
  | LBRACE type COLON type RBRACE                          # mapType
  | literalType                                            # litType
  | FN LPAREN (type (COMMA type)*)? RPAREN ARROW typeAtom  # fnType
  | LPAREN type RPAREN                                     # parenType
  ;

literalType : stringLiteral | MINUS? (INT | FLOAT) | TRUE | FALSE | NULL_ ;

refinement : LPAREN refineArg (COMMA refineArg)* RPAREN ;
refineArg
  : bound? DOTDOT bound?   # rangeArg
  | REGEX                  # regexArg
  ;
bound : MINUS? (INT | FLOAT) ;

// ---------------------------------------------------------------- expressions
// Alternatives are listed from the tightest binding to the loosest.
expr
  : primary                                              # primaryExpr
  | expr DOT name                                        # memberExpr
  | expr QDOT name                                       # optMemberExpr
  | expr LBRACK expr RBRACK                              # indexExpr
  | expr LPAREN (expr (COMMA expr)* COMMA?)? RPAREN      # callExpr
  | expr LBRACE objectBody RBRACE                        # typedObjectExpr
  | expr WITH LBRACE objectBody RBRACE                   # withExpr
  | (MINUS | BANG) expr                                  # unaryExpr
  | expr (STAR | SLASH | PERCENT) expr                   # mulExpr
  | expr (PLUS | MINUS) expr                             # addExpr
  | expr (LT | LE | GT | GE) expr                        # compareExpr
  | expr (EQEQ | NEQ) expr                               # equalityExpr
  | expr ANDAND expr                                     # andExpr
  | expr OROR expr                                       # orExpr
  | <assoc = right> expr QQ expr                         # coalesceExpr
  | IF expr THEN expr ELSE expr                          # ifExpr
  | LET LPAREN IDENT (COLON type)? ASSIGN expr RPAREN expr  # letExpr
  | FN LPAREN (lambdaParam (COMMA lambdaParam)*)? RPAREN FATARROW expr  # lambdaExpr
  ;

lambdaParam : IDENT (COLON type)? ;

primary
  : INT                                                  # intLit
  | FLOAT                                                # floatLit
  | TRUE                                                 # trueLit
  | FALSE                                                # falseLit
  | NULL_                                                 # nullLit
  | stringLiteral                                         # stringLit
  | IDENT                                                # nameRef
  | LPAREN expr RPAREN                                   # parenExpr
  | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK           # listLit
  | LBRACK forClause compClause* COLON expr RBRACK       # listComp
  | LBRACE forClause compClause* COLON expr ASSIGN expr RBRACE  # mapComp
  | LBRACE objectBody RBRACE                             # objectLit
  ;

forClause  : FOR IDENT (COMMA IDENT)? IN expr ;
compClause : forClause | IF expr ;

objectBody : (member COMMA?)* ;

// One alternative with a sub-rule, so that a mistake after the path
// (`replicas == 3`) is reported as "expected `=` or `{`".
member : path (ASSIGN expr | LBRACE objectBody RBRACE) ;

path : key (DOT key)* ;

// A key may be `with`, but not right before `{`: there `x = a with { ... }`
// in an object body would also read as `x = a` followed by a block field
// `with`. The predicate (checked at the start of prediction, where the key's
// first token is LA(1)) keeps the `with` expression as the only reading, so
// no prediction after a value needs full LL; a block field named `with` is
// written `"with" { ... }`.
key
  : fieldName
  | stringLiteral
  | {!(_input->LA(1) == WITH && _input->LA(2) == LBRACE)}? WITH
  ;

// Names of fields may be keywords: Kubernetes has fields called `type`.
// (Flat rather than `fieldName | WITH`: one parse-tree node less per `.name`.)
name
  : IDENT | IMPORT | AS | PARAM | LET | FN | TYPE | SCHEMA | EXTENDS | CHECK
  | EMIT | IF | THEN | ELSE | FOR | IN | WITH | TRUE | FALSE | NULL_ | POLICY
  ;

// `name` without `with` (see `key`).
fieldName
  : IDENT | IMPORT | AS | PARAM | LET | FN | TYPE | SCHEMA | EXTENDS | CHECK
  | EMIT | IF | THEN | ELSE | FOR | IN | TRUE | FALSE | NULL_ | POLICY
  ;

// ---------------------------------------------------------------- strings
stringLiteral
  : STR_OPEN strPart* STR_CLOSE
  | TRIPLE_OPEN mstrPart* TRIPLE_CLOSE
  ;
strPart  : STR_TEXT | STR_ESCAPE | STR_INTERP expr RBRACE ;
mstrPart : MSTR_TEXT | MSTR_ESCAPE | MSTR_INTERP expr RBRACE ;
