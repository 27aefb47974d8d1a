;; Transposes between ordered PFFFT row spectra and contiguous complex columns,
;; two rows at a time (the height is even). Addresses are byte offsets, aligned to 8.
;; A row of `width` floats holds [X0, X(w/2), re X1, im X1, ...]; column c holds
;; `height` complex values; columns 0 and width/2 get the real X0 and X(w/2).
(module
  (import "env" "memory" (memory 1))

  (func (export "rowsToColumns") (param $rows i32) (param $columns i32) (param $height i32) (param $width i32)
    (local $half i32) (local $rowBytes i32) (local $columnBytes i32) (local $r i32) (local $a i32) (local $b i32)
    (local $c i32) (local $nyquist i32) (local $target i32)
    (local.set $half (i32.shr_u (local.get $width) (i32.const 1)))
    (local.set $rowBytes (i32.shl (local.get $width) (i32.const 2)))
    (local.set $columnBytes (i32.shl (local.get $height) (i32.const 3)))
    (local.set $nyquist (i32.add (local.get $columns) (i32.mul (local.get $half) (local.get $columnBytes))))
    (block $rowsDone
      (loop $nextRows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $height)))
        (local.set $a (i32.add (local.get $rows) (i32.mul (local.get $r) (local.get $rowBytes))))
        (local.set $b (i32.add (local.get $a) (local.get $rowBytes)))
        (local.set $target (i32.add (local.get $columns) (i32.shl (local.get $r) (i32.const 3))))
        (f32.store (local.get $target) (f32.load (local.get $a)))
        (f32.store offset=4 (local.get $target) (f32.const 0))
        (f32.store offset=8 (local.get $target) (f32.load (local.get $b)))
        (f32.store offset=12 (local.get $target) (f32.const 0))
        (local.set $target (i32.add (local.get $nyquist) (i32.shl (local.get $r) (i32.const 3))))
        (f32.store (local.get $target) (f32.load offset=4 (local.get $a)))
        (f32.store offset=4 (local.get $target) (f32.const 0))
        (f32.store offset=8 (local.get $target) (f32.load offset=4 (local.get $b)))
        (f32.store offset=12 (local.get $target) (f32.const 0))
        (local.set $c (i32.const 1))
        (local.set $target (i32.add (i32.add (local.get $columns) (local.get $columnBytes)) (i32.shl (local.get $r) (i32.const 3))))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $c) (local.get $half)))
            (v128.store (local.get $target)
              (i64x2.replace_lane 1
                (i64x2.splat (i64.load (i32.add (local.get $a) (i32.shl (local.get $c) (i32.const 3)))))
                (i64.load (i32.add (local.get $b) (i32.shl (local.get $c) (i32.const 3))))))
            (local.set $target (i32.add (local.get $target) (local.get $columnBytes)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $next)))
        (local.set $r (i32.add (local.get $r) (i32.const 2)))
        (br $nextRows))))

  ;; The inverse, times `scale`; the imaginary parts of columns 0 and width/2 are dropped.
  (func (export "columnsToRows") (param $columns i32) (param $rows i32) (param $height i32) (param $width i32) (param $scale f32)
    (local $half i32) (local $rowBytes i32) (local $columnBytes i32) (local $r i32) (local $a i32) (local $b i32)
    (local $c i32) (local $nyquist i32) (local $source i32) (local $scale4 v128) (local $v v128)
    (local.set $scale4 (f32x4.splat (local.get $scale)))
    (local.set $half (i32.shr_u (local.get $width) (i32.const 1)))
    (local.set $rowBytes (i32.shl (local.get $width) (i32.const 2)))
    (local.set $columnBytes (i32.shl (local.get $height) (i32.const 3)))
    (local.set $nyquist (i32.add (local.get $columns) (i32.mul (local.get $half) (local.get $columnBytes))))
    (block $rowsDone
      (loop $nextRows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $height)))
        (local.set $a (i32.add (local.get $rows) (i32.mul (local.get $r) (local.get $rowBytes))))
        (local.set $b (i32.add (local.get $a) (local.get $rowBytes)))
        (local.set $source (i32.add (local.get $columns) (i32.shl (local.get $r) (i32.const 3))))
        (f32.store (local.get $a) (f32.mul (f32.load (local.get $source)) (local.get $scale)))
        (f32.store (local.get $b) (f32.mul (f32.load offset=8 (local.get $source)) (local.get $scale)))
        (local.set $source (i32.add (local.get $nyquist) (i32.shl (local.get $r) (i32.const 3))))
        (f32.store offset=4 (local.get $a) (f32.mul (f32.load (local.get $source)) (local.get $scale)))
        (f32.store offset=4 (local.get $b) (f32.mul (f32.load offset=8 (local.get $source)) (local.get $scale)))
        (local.set $c (i32.const 1))
        (local.set $source (i32.add (i32.add (local.get $columns) (local.get $columnBytes)) (i32.shl (local.get $r) (i32.const 3))))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $c) (local.get $half)))
            (local.set $v (f32x4.mul (v128.load (local.get $source)) (local.get $scale4)))
            (i64.store (i32.add (local.get $a) (i32.shl (local.get $c) (i32.const 3))) (i64x2.extract_lane 0 (local.get $v)))
            (i64.store (i32.add (local.get $b) (i32.shl (local.get $c) (i32.const 3))) (i64x2.extract_lane 1 (local.get $v)))
            (local.set $source (i32.add (local.get $source) (local.get $columnBytes)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $next)))
        (local.set $r (i32.add (local.get $r) (i32.const 2)))
        (br $nextRows))))

  ;; rowsToColumns for heights that are multiples of 8: eight rows per pass, so
  ;; each pass writes whole 64-byte lines of every column. With two rows per
  ;; pass, columns 2 KiB apart share a few cache sets and keep evicting each other.
  (func (export "rowsToColumns8") (param $rows i32) (param $columns i32) (param $height i32) (param $width i32)
    (local $half i32) (local $rowBytes i32) (local $columnBytes i32) (local $r i32) (local $a i32)
    (local $c i32) (local $nyquist i32) (local $target i32) (local $source i32) (local $i i32)
    (local.set $half (i32.shr_u (local.get $width) (i32.const 1)))
    (local.set $rowBytes (i32.shl (local.get $width) (i32.const 2)))
    (local.set $columnBytes (i32.shl (local.get $height) (i32.const 3)))
    (local.set $nyquist (i32.add (local.get $columns) (i32.mul (local.get $half) (local.get $columnBytes))))
    (block $rowsDone
      (loop $nextRows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $height)))
        (local.set $a (i32.add (local.get $rows) (i32.mul (local.get $r) (local.get $rowBytes))))
        ;; zero and Nyquist columns, one row at a time
        (local.set $i (i32.const 0))
        (block $edgesDone
          (loop $nextEdge
            (br_if $edgesDone (i32.ge_u (local.get $i) (i32.const 8)))
            (local.set $source (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rowBytes))))
            (local.set $target (i32.add (local.get $columns) (i32.shl (i32.add (local.get $r) (local.get $i)) (i32.const 3))))
            (f32.store (local.get $target) (f32.load (local.get $source)))
            (f32.store offset=4 (local.get $target) (f32.const 0))
            (local.set $target (i32.add (local.get $nyquist) (i32.shl (i32.add (local.get $r) (local.get $i)) (i32.const 3))))
            (f32.store (local.get $target) (f32.load offset=4 (local.get $source)))
            (f32.store offset=4 (local.get $target) (f32.const 0))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $nextEdge)))
        (local.set $source (i32.add (local.get $a) (i32.const 8)))
        (local.set $target (i32.add (i32.add (local.get $columns) (local.get $columnBytes)) (i32.shl (local.get $r) (i32.const 3))))
        (local.set $c (i32.const 1))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $c) (local.get $half)))
            (v128.store (local.get $target)
              (i64x2.replace_lane 1 (i64x2.splat (i64.load (local.get $source)))
                (i64.load (i32.add (local.get $source) (local.get $rowBytes)))))
            (v128.store offset=16 (local.get $target)
              (i64x2.replace_lane 1 (i64x2.splat (i64.load (i32.add (local.get $source) (i32.mul (local.get $rowBytes) (i32.const 2)))))
                (i64.load (i32.add (local.get $source) (i32.mul (local.get $rowBytes) (i32.const 3))))))
            (v128.store offset=32 (local.get $target)
              (i64x2.replace_lane 1 (i64x2.splat (i64.load (i32.add (local.get $source) (i32.shl (local.get $rowBytes) (i32.const 2)))))
                (i64.load (i32.add (local.get $source) (i32.mul (local.get $rowBytes) (i32.const 5))))))
            (v128.store offset=48 (local.get $target)
              (i64x2.replace_lane 1 (i64x2.splat (i64.load (i32.add (local.get $source) (i32.mul (local.get $rowBytes) (i32.const 6)))))
                (i64.load (i32.add (local.get $source) (i32.mul (local.get $rowBytes) (i32.const 7))))))
            (local.set $source (i32.add (local.get $source) (i32.const 8)))
            (local.set $target (i32.add (local.get $target) (local.get $columnBytes)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $next)))
        (local.set $r (i32.add (local.get $r) (i32.const 8)))
        (br $nextRows))))
)
